import { counted } from '../plural.js';

/** Calendar days from `now`'s local date to `dueAt`'s local date: a deadline is a day on the wall calendar. */
export function localDaysUntil(dueAt: number, now: Date): number {
  const due = new Date(dueAt);
  const startOf = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((startOf(due) - startOf(now)) / 86_400_000);
}

/**
 * "due in 2 days", "due tomorrow", "due today", "overdue by 3 days": in the learner's own time zone. A done
 * assignment is never overdue; it just says when it was due.
 */
export function dueLabel(dueAt: number | null, now: Date, done = false): { text: string; overdue: boolean } {
  if (dueAt === null) return { text: 'no due date', overdue: false };
  const days = localDaysUntil(dueAt, now);
  const date = new Date(dueAt).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
  if (done) return { text: `was due ${date}`, overdue: false };
  if (days < 0) return { text: `overdue by ${counted(-days, 'day')} (due ${date})`, overdue: true };
  if (days === 0)
    return { text: dueAt < now.getTime() ? `overdue (due today)` : 'due today', overdue: dueAt < now.getTime() };
  if (days === 1) return { text: `due tomorrow (${date})`, overdue: false };
  return { text: `due in ${counted(days, 'day')} (${date})`, overdue: false };
}
