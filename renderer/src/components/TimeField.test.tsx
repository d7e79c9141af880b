import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../i18n/i18n.js';
import { TimeField } from './TimeField.js';
import { dayPeriods, hourChoices, minuteChoices, parseClock, usesDayPeriod } from './time-of-day.js';

afterEach(() => i18next.changeLanguage('en'));

const field = (value: string) =>
  renderToStaticMarkup(<TimeField label="From" value={value} disabled={false} set={() => undefined} />);
/** The text of the selected option of the select named `name`. */
const selected = (html: string, name: string) =>
  new RegExp(`aria-label="${name}"[^>]*>(?:<option[^>]*>[^<]*</option>)*?<option[^>]*selected=""[^>]*>([^<]*)<`).exec(
    html,
  )?.[1];

describe('a time of day in the app’s language', () => {
  it('counts 24 hours in German and 12 with AM/PM in English, whatever the machine’s locale', () => {
    expect(usesDayPeriod('de')).toBe(false);
    expect(usesDayPeriod('en')).toBe(true);
    expect(hourChoices('de', false).map(([, label]) => label)).toEqual(
      Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
    );
    expect(hourChoices('en', true).map(([, label]) => label)).toEqual([
      '12',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
    ]);
    expect(dayPeriods('en')).toEqual(['AM', 'PM']);
  });

  it('offers every minute, and reads a damaged value as midnight', () => {
    expect(minuteChoices('de').map(([, label]) => label)).toEqual(
      Array.from({ length: 60 }, (_, m) => String(m).padStart(2, '0')),
    );
    expect(parseClock('22:30')).toEqual({ hours: 22, minutes: 30 });
    expect(parseClock('nonsense')).toEqual({ hours: 0, minutes: 0 });
  });

  it('shows 22:30 as "22" and "30" in German, with no AM/PM, and as "10", "30", "PM" in English', async () => {
    await i18next.changeLanguage('de');
    const german = field('22:30');
    expect(selected(german, 'Stunde')).toBe('22');
    expect(selected(german, 'Minute')).toBe('30');
    expect(german).not.toMatch(/AM|PM|Vormittag oder Nachmittag/);
    await i18next.changeLanguage('en');
    const english = field('22:30');
    expect(selected(english, 'Hour')).toBe('10');
    expect(selected(english, 'AM or PM')).toBe('PM');
    expect(english).toContain('role="group"');
  });
});
