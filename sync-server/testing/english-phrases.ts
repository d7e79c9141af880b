import { de } from '../../common/i18n/messages/de.js';
import { en } from '../../common/i18n/messages/en.js';

/**
 * The English phrases of a block of catalog messages (keys starting with `prefix`): each literal stretch of an
 * English text between its placeholders, unless the German block uses it too ("Quiz" is German as well).
 */
function englishPhrases(prefix: string): string[] {
  const german = Object.entries(de)
    .filter(([key]) => key.startsWith(prefix))
    .map(([, text]) => text)
    .join('\n');
  return Object.entries(en)
    .filter(([key]) => key.startsWith(prefix))
    .flatMap(([, text]) => text.split(/\{\{\w+\}\}/))
    .map((part) => part.replace(/^[\s:;,.(·]+|[\s:;,.)·]+$/g, ''))
    .filter((part) => part.length >= 3 && !german.includes(part));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English phrases of the block left in a text a German reader sees. Whole words only: content keeps its
 * own language (a pack's skill "Printing" is not the page's "Print").
 */
export const englishLeftIn = (text: string, prefix: string): string[] =>
  englishPhrases(prefix).filter((phrase) => new RegExp(`(^|\\W)${escapeRegExp(phrase)}(\\W|$)`).test(text));
