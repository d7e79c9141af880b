import { describe, expect, it } from 'vitest';
import { i18next } from '../i18n/i18n.js';
import { dueLabel, localDaysUntil } from './due-label.js';

// Local times: the test runs in whatever zone the machine has, and so does the app.
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

describe('dueLabel', () => {
  it('counts calendar days in the local zone, not 24-hour spans', () => {
    const lateEvening = at(2026, 12, 1, 23, 30);
    expect(localDaysUntil(+at(2026, 12, 2, 0, 30), lateEvening)).toBe(1);
    expect(localDaysUntil(+at(2026, 12, 3, 23, 59), at(2026, 12, 1, 0, 1))).toBe(2);
    // Across a month end and a daylight-saving change (any zone): whole days still.
    expect(localDaysUntil(+at(2027, 4, 2), at(2027, 3, 25))).toBe(8);
  });

  it('says due in n days with the shared plural rules, tomorrow, today, and overdue', () => {
    const now = at(2026, 12, 1, 9);
    expect(dueLabel(+at(2026, 12, 3, 17), now).text).toMatch(/^due in 2 days \(/);
    expect(dueLabel(+at(2026, 12, 2, 17), now).text).toMatch(/^due tomorrow \(/);
    expect(dueLabel(+at(2026, 12, 1, 17), now)).toEqual({ text: 'due today', overdue: false });
    expect(dueLabel(+at(2026, 12, 1, 8), now)).toEqual({ text: 'overdue (due today)', overdue: true });
    expect(dueLabel(+at(2026, 11, 30, 17), now)).toMatchObject({
      text: expect.stringMatching(/^overdue by 1 day \(/),
      overdue: true,
    });
    expect(dueLabel(+at(2026, 11, 28, 17), now).text).toMatch(/^overdue by 3 days \(/);
    expect(dueLabel(null, now)).toEqual({ text: 'no due date', overdue: false });
  });

  it('never calls a done assignment overdue', () => {
    expect(dueLabel(+at(2026, 11, 28), at(2026, 12, 1), true)).toMatchObject({
      overdue: false,
      text: expect.stringMatching(/^was due /),
    });
  });

  it('speaks the app’s language, its plurals and its dates', async () => {
    const now = at(2026, 12, 1, 9);
    await i18next.changeLanguage('de');
    try {
      expect(dueLabel(+at(2026, 12, 3, 17), now).text).toMatch(/^fällig in 2 Tagen \(Do\., 3\. Dez\.?\)$/);
      expect(dueLabel(+at(2026, 11, 30, 17), now).text).toMatch(/^seit 1 Tag überfällig \(fällig am /);
      expect(dueLabel(null, now).text).toBe('ohne Abgabetermin');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
