import type { AppLanguage, LanguagePreference } from '../../common/contract/learners.js';
import { shippedLanguage } from '../../common/i18n/catalogs.js';
import type { Translate } from '../../common/i18n/localize.js';
import type { Said } from '../../common/i18n/message.js';
import { coreTranslate, createCoreI18n } from '../../common/i18n/translator.js';

/**
 * The language the desktop shell (system alerts, the tray) speaks: the one the learner chose in the app, as the
 * window does. `choices` are the learners' choices in order of precedence (an alert's own learner; for the
 * tray, the open profiles): the first that names a language wins; "system", or no profile at all, takes the
 * system's first language the app ships, else English. The main process has no window's i18next to ask.
 */
export function shellLanguage(
  choices: readonly (LanguagePreference | undefined)[],
  systemLanguages: readonly string[],
): AppLanguage {
  for (const choice of choices) if (choice !== undefined && choice !== 'system') return choice;
  return shippedLanguage(systemLanguages) ?? 'en';
}

/** The core's catalog said in a language: one i18next instance per language, made when first needed. */
export function shellTranslators(): (language: AppLanguage) => Translate {
  const made = new Map<AppLanguage, Translate>();
  return (language) => {
    let translate = made.get(language);
    if (!translate) {
      translate = coreTranslate(createCoreI18n(language));
      made.set(language, translate);
    }
    return translate;
  };
}

/** The catalog's English as it is: the shell's words when no language was asked for (tests, old callers). */
export const english: Translate = (_ref, text) => text;

/** Says catalog messages through a translator: `words(say('tray-quit'))`. */
export const speaker =
  (translate: Translate) =>
  (said: Said): string =>
    translate(said, said.text);
