import { i18next } from './i18n.js';

/** Dates, times and numbers in the app's language (not the OS's), so a screen never mixes two. */
export const formatDate = (at: string | number | Date, style: 'short' | 'medium' | 'long' = 'medium') =>
  new Intl.DateTimeFormat(i18next.language, { dateStyle: style }).format(new Date(at));

export const formatTime = (at: string | number | Date) =>
  new Intl.DateTimeFormat(i18next.language, { timeStyle: 'short' }).format(new Date(at));

export const formatNumber = (n: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(i18next.language, options).format(n);
