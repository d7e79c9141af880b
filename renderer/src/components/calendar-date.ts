/**
 * A calendar date as the app's language writes it, apart from the OS's (Chromium's `<input type="date">`
 * shows mm/dd/yyyy in the German app on an en-US machine). Pure, so it is tested without a browser;
 * DateField.tsx draws it.
 */

export type DatePart = 'day' | 'month' | 'year';

/** The order the language writes a date's parts in: day, month, year in German; month, day, year in en-US. */
export function datePartOrder(locale: string): DatePart[] {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 11, 24)))
    .map((p) => p.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
  return parts.length === 3 ? parts : ['year', 'month', 'day'];
}

/** The months' names in the language, January first. */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2026, m, 1))));
}

export const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date's parts, each 0 while not chosen (the field is optional). */
export interface DateParts {
  day: number;
  month: number;
  year: number;
}

export function partsOf(value: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : { day: 0, month: 0, year: 0 };
}

/** "YYYY-MM-DD" once every part is chosen (the day kept within its month), else "". */
export function dateOf({ day, month, year }: DateParts): string {
  if (!day || !month || !year) return '';
  const d = Math.min(day, daysIn(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
