import { appLanguages } from '../contract/learners.js';
import type { AppLanguage } from '../contract/learners.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';

/** The core's messages in every language the app ships: i18next's `core` namespace in each face. */
export const coreCatalogs: Record<AppLanguage, Record<string, string>> = { en, de };

/** The namespace the faces load the catalogs under. */
export const CORE_NS = 'core';

/**
 * The first of some language tags or locales ("de-AT", "de_DE.UTF-8", "C") that the app ships, by its
 * first part; undefined when none is.
 */
export function shippedLanguage(tags: readonly (string | undefined)[]): AppLanguage | undefined {
  for (const tag of tags) {
    const base = tag
      ?.trim()
      .toLowerCase()
      .split(/[_.@-]/)[0];
    if (base && (appLanguages as readonly string[]).includes(base)) return base as AppLanguage;
  }
  return undefined;
}
