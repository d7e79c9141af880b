/** The ranges the learner picks from, in local days ending today. */
export const RANGE_CHOICES = [7, 30, 90, 365] as const;
export type RangeDays = (typeof RANGE_CHOICES)[number];

/** This device's IANA time zone, so local days follow its daylight saving rules. */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

import { formatDateParts } from '../i18n/format.js';
import { i18next } from '../i18n/i18n.js';

/** "12 min", "1 h 5 min" in the app's language: minutes rounded, "under 1 min" rather than a misleading "0 min". */
export function duration(ms: number): string {
  const { t } = i18next;
  if (ms > 0 && ms < 30_000) return t('analytics.duration.underMinute');
  const m = Math.round(ms / 60_000);
  return m < 60
    ? t('analytics.duration.minutes', { minutes: m })
    : t('analytics.duration.hours', { hours: Math.floor(m / 60), minutes: m % 60 });
}

const ofDay = (day: string, parts: Intl.DateTimeFormatOptions) =>
  formatDateParts(`${day}T00:00:00Z`, { ...parts, timeZone: 'UTC' });

/** "Mon, Mar 2" / "Mo., 2. März" for a `YYYY-MM-DD` date, in the app's language (no time zone: it is a date already). */
export const dayLabel = (day: string): string => ofDay(day, { weekday: 'short', day: 'numeric', month: 'short' });

/** "Mar 2" / "2. März" for a `YYYY-MM-DD` date. */
export const shortDate = (day: string): string => ofDay(day, { day: 'numeric', month: 'short' });

/** The weekday's short name, Monday first: "Mon" / "Mo.". */
export const weekdayNames = (): string[] =>
  // 2024-01-01 was a Monday.
  Array.from({ length: 7 }, (_, i) => ofDay(`2024-01-0${i + 1}`, { weekday: 'short' }));

/** A whole percentage in the app's language: "42%" / "42 %". */
