import type { ReviewForecast } from '../../../common/contract/reviews.js';

const DAY_MS = 24 * 3600 * 1000;
/** The local day number of an instant, for a time zone offset as `Date#getTimezoneOffset` gives it. */
const localDay = (ms: number, tzOffsetMinutes: number) => Math.floor((ms - tzOffsetMinutes * 60_000) / DAY_MS);
const dayName = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Reviews due on each of the next `days` local days, today first; what is overdue counts today, as
 * it is what the learner has to do today.
 */
export function forecastDays(
  dues: readonly string[],
  now: Date,
  days: number,
  tzOffsetMinutes: number,
): ReviewForecast['days'] {
  const today = localDay(now.getTime(), tzOffsetMinutes);
  const counts = Array.from({ length: days }, () => 0);
  for (const due of dues) {
    const offset = Math.max(0, localDay(Date.parse(due), tzOffsetMinutes) - today);
    if (offset < days) counts[offset]! += 1;
  }
  return counts.map((due, i) => ({ day: dayName(today + i), due }));
}

/** Anki's "true retention": the share of reviews recalled, that is rated anything but Again (1). */
export function measuredRetention(ratings: readonly number[]): {
  reviews: number;
  recalled: number;
  share: number | null;
} {
  const recalled = ratings.filter((r) => r > 1).length;
  return { reviews: ratings.length, recalled, share: ratings.length ? recalled / ratings.length : null };
}
