import type { Page } from 'playwright-core';
import { de } from '../../../renderer/src/i18n/locales/de.js';
import { en } from '../../../renderer/src/i18n/locales/en.js';

/** Every leaf string of a locale, by its dotted key. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

/**
 * The app's own English phrases that German says differently: each English string cut at its
 * {{placeholders}} and <tags>, keeping pieces of two words or more (one word, like "Settings", could be a
 * pack's title, which stays in the pack's language). A piece German keeps as is (a command) is left out.
 */
export const ENGLISH_PHRASES: readonly string[] = (() => {
  const german = new Map(leaves(de));
  const pieces = leaves(en).flatMap(([key, text]) =>
    text
      .split(/\{\{\w+\}\}|<\/?\w+\/?>/)
      .map((piece) => piece.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, ''))
      .filter((piece) => /\p{L}+\s+\p{L}+/u.test(piece) && !german.get(key)?.includes(piece)),
  );
  return [...new Set(pieces)];
})();

/**
 * The English phrases of the app a page still shows: in its text, and in the labels, titles,
 * placeholders and alternative texts a screen reader speaks.
 */
export async function englishLeftovers(page: Page): Promise<string[]> {
  const shown = await page.evaluate(() =>
    [
      document.body.innerText,
      document.title,
      ...Array.from(document.querySelectorAll('option'), (o) => o.textContent ?? ''),
      ...Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext]'), (el) =>
        ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'].map((name) => el.getAttribute(name) ?? ''),
      ).flat(),
    ].join('\n'),
  );
  return ENGLISH_PHRASES.filter((phrase) => shown.includes(phrase));
}
