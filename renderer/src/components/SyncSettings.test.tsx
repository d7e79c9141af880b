import { describe, expect, it } from 'vitest';
import { visibilityText } from './SyncSettings.js';

describe('the Settings line on who can see a learner’s progress', () => {
  it('names each class’s teacher and counts the admins', () => {
    expect(
      visibilityText({
        teachers: [
          { classId: 'c1', className: 'Python 1', teacherName: 'Ms Rivera' },
          { classId: 'c2', className: 'Lab B', teacherName: 'Mr Okafor' },
        ],
        admins: 2,
      }),
    ).toBe(
      "Who can see your progress on this server: Ms Rivera (teacher of Python 1), Mr Okafor (teacher of Lab B), and the server's 2 admins.",
    );
    expect(visibilityText({ teachers: [], admins: 1 })).toBe(
      "Who can see your progress on this server: only the server's admin.",
    );
  });
});
