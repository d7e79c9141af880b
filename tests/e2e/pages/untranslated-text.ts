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
 * The app's one-word English strings German says differently ("Remove", "Skill"): found only as the whole own
 * text of a control, a label, a heading or a cell, or a whole attribute, where a pack's title is unlikely.
 */
export const ENGLISH_WORDS: ReadonlySet<string> = (() => {
  // A word German also says somewhere ("Module" is German for modules) is no sign of English.
  const german = new Set(leaves(de).map(([, text]) => text));
  return new Set(
    leaves(en)
      .map(([, text]) => text)
      .filter((text) => /^\p{L}+$/u.test(text) && !german.has(text)),
  );
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
    // The words an element says itself (not its children's), and whole attributes: where a one-word string shows.
    const own = Array.from(
      document.querySelectorAll('button, a, label, legend, summary, th, td, dt, option, h1, h2, h3, h4, p, span'),
      (el) =>
        skip && el.closest(skip)
          ? ''
          : Array.from(el.childNodes)
              .filter((node) => node.nodeType === Node.TEXT_NODE)
              .map((node) => node.textContent ?? '')
              .join('')
              .trim(),
    );
    const attributes = Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'), (el) =>
      ['aria-label', 'title', 'placeholder'].map((name) => el.getAttribute(name)?.trim() ?? ''),
    ).flat();
    for (const el of hidden) el.style.display = '';
    return { text, whole: [...own, ...attributes] };
  }, except ?? null);
  const words = shown.whole.filter((text) => ENGLISH_WORDS.has(text));
  return [...ENGLISH_PHRASES.filter((phrase) => shown.text.includes(phrase)), ...new Set(words)];
}
