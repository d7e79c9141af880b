import { describe, expect, it } from 'vitest';
import type { AssignmentView } from '../../../common/contract/classroom.js';
import { dueSoon } from './assignment-reminders.js';

const NOW = new Date('2026-12-05T10:00:00Z');
const HOUR = 3600_000;
const view = (id: string, dueIn: number | null, status: AssignmentView['status'] = 'not-started'): AssignmentView => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  classId: '00000000-0000-4000-8000-000000000000',
  kind: 'lesson',
  packId: 'python-foundations',
  itemId: 'python-foundations/variables',
  title: `Task ${id}`,
  dueAt: dueIn === null ? null : NOW.getTime() + dueIn * HOUR,
  createdAt: 0,
  createdBy: '00000000-0000-4000-8000-000000000009',
  className: 'Py',
  status,
});

describe('assignments due soon', () => {
  it('are the unfinished ones due within two days: not the done, the undated, the overdue or the far', () => {
    const soon = dueSoon(
      [view('1', 5), view('2', 47, 'in-progress'), view('3', 5, 'done'), view('4', null), view('5', -1), view('6', 49)],
      NOW,
    );
    expect(soon.map((a) => a.title)).toEqual(['Task 1', 'Task 2']);
    expect(soon[0]).toEqual({ id: view('1', 5).id, title: 'Task 1', dueAt: '2026-12-05T15:00:00.000Z', link: '#/' });
  });
});
