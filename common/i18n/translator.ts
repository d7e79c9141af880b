import i18next from 'i18next';
import type { i18n } from 'i18next';
import { CORE_NS, coreCatalogs } from './catalogs.js';
import type { Translate } from './localize.js';
import { localParams } from './localize.js';

type LooseT = (key: string, options: Record<string, unknown>) => string;

/**
 * The core's messages through an i18next instance that has the `core` namespace: the key in the
 * instance's language, values formatted for it; the English the wire carried when the key is unknown
 * (a newer core than this face).
 */
export function coreTranslate(instance: i18n, timeZone?: string): Translate {
  const translate: Translate = (ref, fallback) => {
    const options = { ns: CORE_NS, ...localParams(ref.params, instance.language, translate, timeZone) };
    if (!instance.exists(ref.key, options)) return fallback;
    return (instance.t as unknown as LooseT)(ref.key, { ...options, interpolation: { escapeValue: false } });
  };
  return translate;
}

/**
 * i18next's `number` format (`{{size, number}}` in a catalog) for values `localParams` may have written already:
 * it writes every number but `count` in the language before i18next sees it, so only what is still a number
 * (`count`, kept for the plural form) is formatted here, and a written one passes as it is. Every i18next
 * instance that says the core's catalogs installs it.
 */
export function formatNumbersOnce(instance: i18n): void {
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' ? new Intl.NumberFormat(lng).format(value) : String(value),
  );
}

/** An i18next instance of its own for a Node face (the CLI), with the core's catalogs, ready at once. */
export function createCoreI18n(
  language: string,
  more: Record<string, Record<string, Record<string, string>>> = {},
): i18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    Object.entries(coreCatalogs).map(([lng, catalog]) => [lng, { [CORE_NS]: catalog, ...(more[lng] ?? {}) }]),
  );
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS: CORE_NS,
    // Keys are flat codes; a terminal shows text as it is.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  formatNumbersOnce(instance);
  return instance;
}
