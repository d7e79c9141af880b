/**
 * A time of day as the app's language writes it, apart from the OS's: Chromium's own `<input type="time">`
 * follows the OS locale, so a German learner on an en-US system got 12-hour AM/PM. Pure, so it is tested
 * without a browser; TimeField.tsx draws it.
 */

/** "HH:MM", 24-hour, as the preferences store it. */
export interface Clock {
  hours: number;
  minutes: number;
}

export function parseClock(value: string): Clock {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  const hours = match ? Math.min(23, Number(match[1])) : 0;
  const minutes = match ? Math.min(59, Number(match[2])) : 0;
  return { hours, minutes };
}

export const formatClock = ({ hours, minutes }: Clock): string =>
  `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;

/** Whether the language counts hours 1-12 with a day period (en-US) rather than 0-23 (de). */
export function usesDayPeriod(locale: string): boolean {
  const { hourCycle, hour12 } = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
  return hourCycle ? hourCycle === 'h12' || hourCycle === 'h11' : Boolean(hour12);
}

const at = (hours: number) => new Date(Date.UTC(2000, 0, 1, hours));

/** The language's words for before and after noon ("AM", "PM"). */
export function dayPeriods(locale: string): [string, string] {
  const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
  const period = (hours: number) => format.formatToParts(at(hours)).find((p) => p.type === 'dayPeriod')?.value;
  return [period(9) ?? 'AM', period(21) ?? 'PM'];
}

/** The hour choices: [value 0-23, label], ordered as the language counts them (12, 1, ... 11 with day periods). */
export function hourChoices(locale: string, dayPeriod: boolean): [number, string][] {
  const numbers = new Intl.NumberFormat(locale, { minimumIntegerDigits: dayPeriod ? 1 : 2 });
  return Array.from({ length: dayPeriod ? 12 : 24 }, (_, i) => [i, numbers.format(dayPeriod ? i % 12 || 12 : i)]);
}

/** Every minute, as the native field allows: typing "4" "7" on the focused list jumps to 47. */
export function minuteChoices(locale: string): [number, string][] {
  const numbers = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 });
  return Array.from({ length: 60 }, (_, m) => [m, numbers.format(m)]);
}
