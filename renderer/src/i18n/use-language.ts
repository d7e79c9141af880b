import { useEffect } from 'react';
import type { Preferences } from '../../../common/contract/learners.js';
import { i18next, systemLanguage } from './i18n.js';

/** The learner's language on the whole page: the strings, `<html lang>` and the writing direction. */
export function useLanguage(preference: Preferences['language'] | undefined): void {
  useEffect(() => {
    const language = !preference || preference === 'system' ? systemLanguage() : preference;
    void i18next.changeLanguage(language);
    document.documentElement.lang = language;
    document.documentElement.dir = i18next.dir(language);
  }, [preference]);
}
