import { afterEach, describe, expect, it } from 'vitest';
import { duration } from '../analytics/analytics-range.js';
import { formatDateParts, formatDateTime, formatList, formatPercent, formatShare } from './format.js';
import { i18next } from './i18n.js';

afterEach(() => i18next.changeLanguage('en'));

// Screens format through these, so a German page never shows an English list, date, percentage or duration.
describe('formatting in the app’s language', () => {
  const at = new Date(2026, 11, 7, 14, 5);

  it('says lists, dates, percentages and durations the English way', () => {
    expect(formatList(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo, and Cy');
    expect(formatDateParts(at, { weekday: 'short', day: 'numeric', month: 'short' })).toBe('Mon, Dec 7');
    expect(formatDateTime(at)).toMatch(/^Dec 7, 2026, 2:05\sPM$/);
    expect(formatPercent(42)).toBe('42%');
    expect(formatShare(0.4249)).toBe('42%');
    expect(duration(65 * 60_000)).toBe('1 h 5 min');
    expect(duration(10_000)).toBe('under 1 min');
  });

  it('says them the German way once the app speaks German, whatever the system says', async () => {
    await i18next.changeLanguage('de');
    expect(formatList(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo und Cy');
    expect(formatDateParts(at, { weekday: 'short', day: 'numeric', month: 'short' })).toBe('Mo., 7. Dez.');
    expect(formatDateTime(at)).toBe('07.12.2026, 14:05');
    expect(formatPercent(42)).toBe('42\u00a0%');
    expect(formatShare(0.4251)).toBe('43\u00a0%');
    expect(duration(65 * 60_000)).toBe('1 Std. 5 Min.');
    expect(duration(10_000)).toBe('unter 1 Min.');
  });
});
