import { describe, expect, it } from 'vitest';
import { appLanguages } from '../../../common/contract/learners.js';
import { i18next, LANGUAGES, systemLanguage } from './i18n.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';

/** Every leaf as "path: text". */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}
/** The {{placeholders}} (with their format: `{{count, number}}`) and the <tags> a <Trans> fills (a link). */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{(\w+(?:, *\w+)?)\}\}|<\/?(\w+)>/g)].map((m) => m[0].replace(/[{}]/g, '')).sort();

describe('the locales', () => {
  const locales = { en, de };

  it('ship every language the contract names, each with a name in its own language', () => {
    expect(Object.keys(locales).sort()).toEqual([...appLanguages].sort());
    expect(LANGUAGES).toEqual({ en: 'English', de: 'Deutsch' });
  });

  it('have the same keys, no empty text, and the same placeholders as English', () => {
    const source = new Map(leaves(en));
    for (const [name, locale] of Object.entries(locales)) {
      const entries = leaves(locale);
      expect(entries.map(([key]) => key).sort(), name).toEqual([...source.keys()].sort());
      for (const [key, text] of entries) {
        expect(text.trim(), `${name} ${key}`).not.toBe('');
        expect(placeholders(text), `${name} ${key}`).toEqual(placeholders(source.get(key)!));
      }
    }
  });

  // <Trans> parses the tags as HTML: a void element's name (<link>, <input>…) would come out empty, its words lost.
  it('name no <Trans> tag after a void HTML element', () => {
    const VOID = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'];
    for (const [name, locale] of Object.entries(locales))
      for (const [key, text] of leaves(locale))
        for (const [, tag] of text.matchAll(/<(\w+)>/g)) expect(VOID, `${name} ${key}`).not.toContain(tag);
  });

  // A count is a number to the plural rules and to the reader: "1.500 Ergebnisse", not "1500".
  it('write every count as its language writes numbers', () => {
    for (const [name, locale] of Object.entries(locales))
      for (const [key, text] of leaves(locale)) expect(text, `${name} ${key}`).not.toMatch(/\{\{count\}\}/);
    expect(i18next.getFixedT('de')('search.results', { count: 1500 })).toBe('1.500 Ergebnisse');
    expect(i18next.getFixedT('en')('search.results', { count: 1500 })).toBe('1,500 results');
    expect(i18next.getFixedT('de')('search.results', { count: 1 })).toBe('1 Ergebnis');
  });

  it('take the first of the system languages the app has, else English', () => {
    expect(systemLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(systemLanguage(['EN-gb'])).toBe('en');
    expect(systemLanguage(['fr', 'ja'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
});
