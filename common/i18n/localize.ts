import type { MessageRef } from './message.js';
import { englishText, messageRefSchema } from './message.js';

/** Turns a message reference into text in the face's language; `fallback` is the English the wire carried. */
export type Translate = (ref: MessageRef, fallback: string) => string;

/** A wire field `foo` (English text) is translated from its sibling `fooI18n` (the reference). */
const REF_SUFFIX = 'I18n';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A message's values as a learner reads them in `locale`: numbers with the locale's separators,
 * instants (values named `…At`) as the locale's date and time, lists joined the locale's way, and
 * nested messages translated. `count`
 * stays a number: i18next picks the plural form from it.
 */
export function localParams(
  params: MessageRef['params'],
  locale: string,
  translate: Translate,
  timeZone?: string,
): Record<string, string | number> {
  const numbers = new Intl.NumberFormat(locale);
  const instants = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  const said = (ref: MessageRef) => translate(ref, englishText(ref));
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => {
      if (Array.isArray(value)) return [name, lists.format(value.map((v) => (typeof v === 'string' ? v : said(v))))];
      if (typeof value === 'object') return [name, said(value)];
      if (typeof value === 'number') return [name, name === 'count' ? value : numbers.format(value)];
      if (name.endsWith('At') && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
        return [name, instants.format(new Date(value))];
      return [name, value];
    }),
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * A result from the core with every sentence that carries a reference in the face's language: the one
 * place a face turns the core's words into its own, so screens show `foo` and never look at `fooI18n`.
 * Values without references come back as they are (the same objects).
 */
export function localized<T>(value: T, translate: Translate): T {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item: unknown) => {
      const next = localized(item, translate);
      changed ||= next !== item;
      return next;
    });
    return (changed ? items : value) as T;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [name, field] of Object.entries(value)) {
    const next = localized(field, translate);
    if (name.endsWith(REF_SUFFIX) && name.length > REF_SUFFIX.length) {
      const textName = name.slice(0, -REF_SUFFIX.length);
      const ref = messageRefSchema.safeParse(field);
      const text = value[textName];
      if (ref.success && typeof text === 'string') {
        copy ??= { ...value };
        copy[textName] = translate(ref.data, text);
        continue;
      }
    }
    if (next !== field) {
      copy ??= { ...value };
      copy[name] = next;
    }
  }
  return (copy ?? value) as T;
}
