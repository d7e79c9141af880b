import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../i18n/i18n.js';
import { DateField } from './DateField.js';
import { dateOf, datePartOrder, monthNames, partsOf } from './calendar-date.js';

afterEach(() => i18next.changeLanguage('en'));

const today = new Date(2026, 11, 6);
const field = (value: string) =>
  renderToStaticMarkup(<DateField label="Due" value={value} set={() => undefined} today={today} />);
const listNames = (html: string) => [...html.matchAll(/<select aria-label="([^"]+)"/g)].map((m) => m[1]);

describe('a calendar date in the app’s language', () => {
  it('orders its parts and names its months as the language does, whatever the machine’s locale', () => {
    expect(datePartOrder('de')).toEqual(['day', 'month', 'year']);
    expect(datePartOrder('en')).toEqual(['month', 'day', 'year']);
    expect(monthNames('de')[11]).toBe('Dezember');
    expect(monthNames('en')[0]).toBe('January');
  });

  it('is a date only once day, month and year are chosen, the day kept within its month', () => {
    expect(dateOf({ day: 31, month: 2, year: 2027 })).toBe('2027-02-28');
    expect(dateOf({ day: 5, month: 0, year: 2027 })).toBe('');
    expect(partsOf('2026-12-24')).toEqual({ day: 24, month: 12, year: 2026 });
    expect(partsOf('')).toEqual({ day: 0, month: 0, year: 0 });
  });

  it('shows Tag, Monat, Jahr with German month names in German, and Month, Day, Year in English', async () => {
    await i18next.changeLanguage('de');
    const german = field('2026-12-24');
    expect(listNames(german)).toEqual(['Tag', 'Monat', 'Jahr']);
    expect(german).toMatch(/<option value="12" selected="">Dezember<\/option>/);
    expect(german).toContain('role="group"');
    await i18next.changeLanguage('en');
    expect(listNames(field(''))).toEqual(['Month', 'Day', 'Year']);
    expect(field('')).toMatch(/<option value="0" selected="">not set<\/option>/);
  });
});
