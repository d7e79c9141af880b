const DAY_MS = 86_400_000;

/** `2026-03-04T10:37:12.000Z` -> `2026-03-04T10:30`: the UTC quarter hour the event falls in. */
export const quarterOf = (timestamp: string): string =>
  `${timestamp.slice(0, 14)}${String(Math.floor(Number(timestamp.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;

/** The local calendar day of `at` for a learner whose `Date#getTimezoneOffset` is `tzOffsetMinutes`. */
export const localDay = (at: Date, tzOffsetMinutes: number): string =>
  new Date(at.getTime() - tzOffsetMinutes * 60_000).toISOString().slice(0, 10);

export const previousDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** The first local day shown in a window of `days` days up to `today`, as a UTC quarter a day earlier. */
export const windowStartQuarter = (today: string, days: number): string =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 16);

/**
 * The local days with activity, sorted, from the first and last UTC quarter hour of each UTC day with
 * activity: a UTC day spans at most two local days, and its first and last quarters fall in both of them,
 * so two quarters per day give the exact set however long the history.
 */
export function activeLocalDays(utcDays: Iterable<{ first: string; last: string }>, tzOffsetMinutes: number): string[] {
  const days = new Set<string>();
  for (const { first, last } of utcDays) {
    for (const quarter of [first, last]) days.add(localDay(new Date(`${quarter}:00Z`), tzOffsetMinutes));
  }
  return [...days].sort();
}

export interface DayActivity {
  day: string;
  events: number;
  timeMs: number;
}

/** The `count` local days up to `today`, oldest first, with the days without activity filled in. */
export function lastDays(today: string, count: number, byDay: Map<string, DayActivity>): DayActivity[] {
  const days: DayActivity[] = [];
  for (let day = today, i = 0; i < count; i++, day = previousDay(day)) {
    days.unshift(byDay.get(day) ?? { day, events: 0, timeMs: 0 });
  }
  return days;
}

/** Current streak (ending today or yesterday) and longest streak over a sorted list of active days. */
export function streaks(activeDays: readonly string[], today: string): { current: number; longest: number } {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < activeDays.length; i++) {
    run = i > 0 && previousDay(activeDays[i]!) === activeDays[i - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const last = activeDays.at(-1);
  const current = last === today || last === previousDay(today) ? run : 0;
  return { current, longest };
}
