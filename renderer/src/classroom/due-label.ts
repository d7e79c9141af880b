import { formatDateParts } from '../i18n/format.js';
import { i18next } from '../i18n/i18n.js';

/** Calendar days from `now`'s local date to `dueAt`'s local date: a deadline is a day on the wall calendar. */
export function localDaysUntil(dueAt: number, now: Date): number {
  const due = new Date(dueAt);
  const startOf = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((startOf(due) - startOf(now)) / 86_400_000);
}

/**
 * In the app's language:
 * "due in 2 days", "due tomorrow", "due today", "overdue by 3 days": in the learner's own time zone. A done
 * assignment is never overdue; it just says when it was due.
 */
export function dueLabel(dueAt: number | null, now: Date, done = false): { text: string; overdue: boolean } {
  const { t } = i18next;
  if (dueAt === null) return { text: t('classroom.due.none'), overdue: false };
  const days = localDaysUntil(dueAt, now);
  const date = formatDateParts(dueAt, { weekday: 'short', month: 'short', day: 'numeric' });
  if (done) return { text: t('classroom.due.was', { date }), overdue: false };
  if (days < 0) return { text: t('classroom.due.overdueBy', { count: -days, date }), overdue: true };
  if (days === 0) {
    const overdue = dueAt < now.getTime();
    return { text: overdue ? t('classroom.due.overdueToday') : t('classroom.due.today'), overdue };
  }
  if (days === 1) return { text: t('classroom.due.tomorrow', { date }), overdue: false };
  return { text: t('classroom.due.inDays', { count: days, date }), overdue: false };
}
