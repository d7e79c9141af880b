import { i18next } from './i18n.js';

/** Dates, times and numbers in the app's language (not the OS's), so a screen never mixes two. */
export const formatDate = (at: string | number | Date, style: 'short' | 'medium' | 'long' = 'medium') =>
  new Intl.DateTimeFormat(i18next.language, { dateStyle: style }).format(new Date(at));

export const formatTime = (at: string | number | Date) =>
  new Intl.DateTimeFormat(i18next.language, { timeStyle: 'short' }).format(new Date(at));

export const formatNumber = (n: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(i18next.language, options).format(n);

/** A whole percent (0 to 100) in the app's language: "42%", "42 %". */
export const formatPercent = (whole: number) => formatNumber(whole / 100, { style: 'percent' });

/** A share (0 to 1) as a whole percent, rounded. */
export const formatShare = (share: number) => formatPercent(Math.round(share * 100));

export const formatDateTime = (at: string | number | Date) =>
  new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));

/** A date in the parts a screen picks (a weekday, a short month…), still in the app's language. */
export const formatDateParts = (at: string | number | Date, parts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(i18next.language, parts).format(new Date(at));

/** "A, B and C" / "A, B und C". */
export const formatList = (items: readonly string[]) =>
  new Intl.ListFormat(i18next.language, { style: 'long', type: 'conjunction' }).format(items);
