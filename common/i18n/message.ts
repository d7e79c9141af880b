import { z } from 'zod';
import { en } from './messages/en.js';

/**
 * A sentence the core says to a learner, as the wire carries it next to its English text: the
 * catalog key (stable, never reworded) and the values of its {{placeholders}}. Each face looks the
 * key up in its language (renderer: i18next's `core` namespace; CLI: i18next in Node); a face that
 * does not know the key (an older app) shows the English text it came with.
 */
export interface MessageRef {
  key: string;
  params?: Record<string, ParamValue>;
}
/**
 * A value of a placeholder: text and numbers, a message of its own (a sentence inside a sentence), or a
 * list, which each language joins its own way ("a, b, and c"; "a, b und c").
 */
export type ParamValue = string | number | MessageRef | (string | MessageRef)[];
export const messageRefSchema: z.ZodType<MessageRef> = z.object({
  key: z.string().min(1).max(100),
  params: z
    .record(
      z.string(),
      z.union([
        z.string(),
        z.number(),
        z.lazy(() => messageRefSchema),
        z.array(z.union([z.string(), z.lazy(() => messageRefSchema)])),
      ]),
    )
    .optional(),
});

type Catalog = typeof en;
/** i18next's plural keys (`x_one`, `x_other`) are one message to the code that says it. */
type BaseKey<K> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;
/** The messages of a catalog (an English `as const` object), plural forms counted once. */
export type KeyIn<C> = BaseKey<keyof C & string>;
type TextIn<C, K extends string> = K extends keyof C ? C[K] : C[Extract<keyof C, `${K}_${string}`>];
/** A placeholder's value name: `{{size, number}}` names `size` (i18next's format after the comma). */
type NameOf<P> = P extends `${infer N}, ${string}` ? N : P;
type Placeholders<S> = S extends `${string}{{${infer P}}}${infer Rest}` ? NameOf<P> | Placeholders<Rest> : never;
/** The values a message needs, named by its English text's placeholders: a missing or extra one does not compile. */
export type ParamsIn<C, K extends string> = {
  [P in Placeholders<TextIn<C, K>>]: string | number | Said | readonly (string | Said)[];
};
/** The values, as the rest of a call's arguments: none for a message without placeholders. */
export type ParamsArg<C, K extends string> = keyof ParamsIn<C, K> extends never ? [] : [ParamsIn<C, K>];

export type MessageKey = KeyIn<Catalog>;
export type ParamsOf<K extends MessageKey> = ParamsIn<Catalog, K>;
/** The messages without values: the keys a table of choices (a status, a column) can name and `say` alone. */
export type PlainMessageKey = { [K in MessageKey]: ParamsArg<Catalog, K> extends [] ? K : never }[MessageKey];

/** A message said: its reference and its English text (for logs, old clients, and faces without the key). */
export interface Said extends MessageRef {
  text: string;
}

const PLURAL_EN = new Intl.PluralRules('en');
const LIST_EN = new Intl.ListFormat('en', { type: 'conjunction' });
const NUMBER_EN = new Intl.NumberFormat('en');
const catalog: Record<string, string> = en;

/**
 * The English text of a message, as i18next would render it: `{{count}}` picks the plural form,
 * placeholders are replaced verbatim (the faces format numbers and dates for their locale), but for a
 * number the catalog marks `{{n, number}}` (a size, a count of files), written as English writes it.
 */
export function englishText(ref: MessageRef): string {
  const count = ref.params?.count;
  const template =
    (typeof count === 'number' ? catalog[`${ref.key}_${PLURAL_EN.select(count)}`] : undefined) ?? catalog[ref.key];
  if (template === undefined) return ref.key;
  return template.replace(/\{\{(\w+)(, number)?\}\}/g, (whole, name: string, number?: string) => {
    const value = ref.params?.[name];
    if (value === undefined) return whole;
    if (number && typeof value === 'number') return NUMBER_EN.format(value);
    if (Array.isArray(value)) return LIST_EN.format(value.map((v) => (typeof v === 'string' ? v : englishText(v))));
    return typeof value === 'object' ? englishText(value) : String(value);
  });
}

/** A catalog message with its values, e.g. `say('pin-locked', { name, seconds })`. */
export function say<K extends MessageKey>(key: K, ...[params]: ParamsArg<Catalog, K>): Said {
  const ref: MessageRef = { key };
  if (params) {
    ref.params = Object.fromEntries(
      Object.entries(params as Record<string, string | number | Said | readonly (string | Said)[]>).map(
        ([name, value]) => [name, asParam(value)],
      ),
    );
  }
  return { ...ref, text: englishText(ref) };
}

const asParam = (value: string | number | Said | readonly (string | Said)[]): ParamValue => {
  if (isList(value)) return value.map((v) => (typeof v === 'string' ? v : refOf(v)));
  return typeof value === 'object' ? refOf(value) : value;
};
const isList = (value: unknown): value is readonly (string | Said)[] => Array.isArray(value);

/**
 * Whether a message says `key`, itself or inside one of its values (a refusal's reason inside "Cannot use
 * …"): how a face recognizes a case by its catalog key, whatever language the text is in.
 */
export function mentions(ref: MessageRef | undefined, key: MessageKey): boolean {
  if (!ref) return false;
  if (ref.key === key) return true;
  return Object.values(ref.params ?? {}).some((value) =>
    (Array.isArray(value) ? value : [value]).some((v) => typeof v === 'object' && mentions(v, key)),
  );
}

/** The reference half of a said message, as a wire field (`fooI18n` next to the English `foo`). */
export const refOf = ({ key, params }: MessageRef): MessageRef => (params ? { key, params } : { key });

/**
 * A said message as a wire field pair: `field` with the English text and `fieldI18n` with the reference, e.g.
 * `{ ...asField('title', say('server-welcome', { name })) }` for an inbox item's title.
 */
export const asField = <F extends string>(field: F, said: Said) =>
  ({ [field]: said.text, [`${field}I18n`]: refOf(said) }) as { [K in F]: string } & {
    [K in `${F}I18n`]: MessageRef;
  };
