import type { AssignmentView } from '../../../common/contract/classroom.js';

/** How far ahead an unfinished assignment becomes a "due soon" notice. */
export const DUE_SOON_MS = 2 * 24 * 3600 * 1000;

/**
 * The learner's assignments that are due within DUE_SOON_MS and not done, as the notifications' assignment-due
 * source takes them (its id makes each one notice, however often the classroom is read).
 */
export function dueSoon(assignments: readonly AssignmentView[], now: Date) {
  const at = now.getTime();
  return assignments
    .filter((a) => a.status !== 'done' && a.dueAt !== null && a.dueAt > at && a.dueAt - at <= DUE_SOON_MS)
    .map((a) => ({ id: a.id, title: a.title, dueAt: new Date(a.dueAt!).toISOString(), link: '#/' }));
}
