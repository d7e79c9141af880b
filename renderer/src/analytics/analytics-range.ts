/** The ranges the learner picks from, in local days ending today. */
export const RANGE_CHOICES = [7, 30, 90, 365] as const;
export type RangeDays = (typeof RANGE_CHOICES)[number];

/** This device's IANA time zone, so local days follow its daylight saving rules. */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export { duration } from '../../../common/duration.js';

/** "Mon 2 Mar" for a `YYYY-MM-DD` date, in the app's words (no time zone: it is a date already). */
export function dayLabel(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "2 Mar" for a `YYYY-MM-DD` date. */
export function shortDate(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
