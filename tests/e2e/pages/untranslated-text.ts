import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { de } from '../../../renderer/src/i18n/locales/de.js';
import { en } from '../../../renderer/src/i18n/locales/en.js';

/** Every leaf string of a locale, by its dotted key. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

/** The shipped packs' own text (lessons, exercises, quizzes), which stays English whatever the app's language. */
function packText(dir = resolve(import.meta.dirname, '../../../content-packs')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return packText(path);
      return /\.(md|json|ya?ml|py)$/.test(entry.name) ? readFileSync(path, 'utf8') : '';
    })
    .join('\n');
}

/**
 * The app's own English phrases that German says differently: each English string cut at its
 * {{placeholders}} and <tags>, keeping pieces of two words or more (one word, like "Settings", could be a
 * pack's title). A piece German keeps as is (a command), or one a shipped pack's text also says (a lesson
 * mentions "this lesson"), is left out: the packs stay in their own language.
 */
export const ENGLISH_PHRASES: readonly string[] = (() => {
  const german = new Map(leaves(de));
  const content = packText();
  const pieces = leaves(en).flatMap(([key, text]) =>
    text
      .split(/\{\{\w+\}\}|<\/?\w+\/?>/)
      .map((piece) => piece.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, ''))
      .filter((piece) => /\p{L}+\s+\p{L}+/u.test(piece) && !german.get(key)?.includes(piece))
      .filter((piece) => !content.includes(piece)),
  );
  return [...new Set(pieces)];
})();

/**
 * The English phrases of the app a page still shows: in its text, and in the labels, titles,
 * placeholders and alternative texts a screen reader speaks. `except` hides what is not the app's to say
 * (a message a server wrote) while the page is read.
 */
export async function englishLeftovers(page: Page, except?: string): Promise<string[]> {
  const shown = await page.evaluate((skip) => {
    const hidden = skip ? Array.from(document.querySelectorAll<HTMLElement>(skip)) : [];
    for (const el of hidden) el.style.display = 'none';
    const text = [
      document.body.innerText,
      document.title,
      ...Array.from(document.querySelectorAll('option'), (o) => o.textContent ?? ''),
      ...Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext]'), (el) =>
        ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'].map((name) => el.getAttribute(name) ?? ''),
      ).flat(),
    ].join('\n');
    for (const el of hidden) el.style.display = '';
    return text;
  }, except ?? null);
  return ENGLISH_PHRASES.filter((phrase) => shown.includes(phrase));
}
