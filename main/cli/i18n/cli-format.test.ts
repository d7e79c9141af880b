import { afterEach, describe, expect, it } from 'vitest';
import { duration, formatDay, formatPercent, useLanguageFlag } from './cli-i18n.js';

afterEach(() => useLanguageFlag('en'));

describe("the CLI's durations, shares and days", () => {
  it('are written the English way under --lang en', () => {
    useLanguageFlag('en');
    expect([duration(0), duration(10_000), duration(12 * 60_000), duration(65 * 60_000)]).toEqual([
      '0 min',
      'under 1 min',
      '12 min',
      '1 h 5 min',
    ]);
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatDay('2026-12-05')).toBe('Dec 5, 2026');
  });

  it('are written the German way under --lang de, not the machine’s', () => {
    useLanguageFlag('de');
    expect([duration(10_000), duration(12 * 60_000), duration(65 * 60_000)]).toEqual([
      'unter 1 Min.',
      '12 Min.',
      '1 Std. 5 Min.',
    ]);
    expect(formatPercent(0.25)).toBe('25\u00a0%'); // a no-break space before the sign
    expect(formatDay('2026-12-05')).toBe('05.12.2026');
  });
});
