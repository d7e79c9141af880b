import i18next from 'i18next';
import type { AppLanguage } from '../../../common/contract/learners.js';
import { initReactI18next } from 'react-i18next';
import { CORE_NS, coreCatalogs } from '../../../common/i18n/catalogs.js';
import { formatNumbersOnce } from '../../../common/i18n/translator.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';

/** The languages the app ships, by their BCP 47 tag, each named in its own language for the picker. */
export const LANGUAGES: Record<AppLanguage, string> = { en: 'English', de: 'Deutsch' };
type Language = AppLanguage;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** The first of the browser's languages the app has, else English. */
export function systemLanguage(preferred: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base && base in LANGUAGES) return base as Language;
  }
  return 'en';
}

// Synchronous init with bundled resources: the first render already has its strings (no flash, no fetch).
void i18next.use(initReactI18next).init({
  // `core`: the core's own sentences (errors, run outcomes, notices), one catalog shared with the CLI.
  resources: {
    en: { translation: en, [CORE_NS]: coreCatalogs.en },
    de: { translation: de, [CORE_NS]: coreCatalogs.de },
  },
  lng: systemLanguage(),
  fallbackLng: 'en',
  // React escapes what it renders; escaping here too would show entities.
  interpolation: { escapeValue: false },
  initAsync: false,
});
formatNumbersOnce(i18next);

export { i18next };
