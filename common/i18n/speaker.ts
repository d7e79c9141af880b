import type { AppLanguage } from '../contract/learners.js';
import type { Translate } from './localize.js';
import type { Said } from './message.js';
import { coreTranslate, createCoreI18n } from './translator.js';

/**
 * A face that renders text itself (the class server's dashboard page, its emails) speaking one language:
 * catalog messages, numbers and days, all for that language. Instants in messages are shown in UTC, the one
 * zone such a face can name for every reader.
 */
export interface Speaker {
  language: AppLanguage;
  /** A catalog message in this language (its values formatted for it). */
  text: (said: Said) => string;
  /** A reference off the wire in this language (for `localized`), the English it came with when unknown. */
  translate: Translate;
  /** A number with this language's separators. */
  number: (value: number) => string;
  /** A calendar day (`YYYY-MM-DD…`) as this language writes it. */
  day: (iso: string) => string;
}

const speakers = new Map<AppLanguage, Speaker>();

/** The speaker of a language, made once per language (an i18next instance each). */
export function speakerIn(language: AppLanguage): Speaker {
  let speaker = speakers.get(language);
  if (!speaker) {
    const translate = coreTranslate(createCoreI18n(language), 'UTC');
    const numbers = new Intl.NumberFormat(language);
    const days = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    speaker = {
      language,
      text: (said) => translate(said, said.text),
      translate,
      number: (value) => numbers.format(value),
      day: (iso) => days.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    };
    speakers.set(language, speaker);
  }
  return speaker;
}
