import { LearnError } from '../../../common/contract/errors.js';
import { localParams } from '../../../common/i18n/localize.js';
import type { Translate } from '../../../common/i18n/localize.js';
import type { KeyIn, ParamsArg } from '../../../common/i18n/message.js';
import { coreTranslate, createCoreI18n } from '../../../common/i18n/translator.js';
import { cliLanguage } from './cli-language.js';
import { cliDe } from './messages/de.js';
import { cliEn } from './messages/en.js';

const CLI_NS = 'cli';

/**
 * The CLI's one i18next instance: the core's catalogs (what the core says) and the CLI's own (what the
 * commands say), in the language `cliLanguage` picks. Until a command says otherwise, the terminal's.
 */
const i18n = createCoreI18n(cliLanguage({ env: process.env }), { en: { [CLI_NS]: cliEn }, de: { [CLI_NS]: cliDe } });
let flag: string | undefined;

/** `--lang` from the command line: it beats the profile's language and the locale. */
export function useLanguageFlag(lang: string | undefined): void {
  flag = lang;
  void i18n.changeLanguage(cliLanguage({ flag, env: process.env }));
}

/** A profile was opened: speak its language, the one its window would (unless `--lang` said otherwise). */
export function followProfile(language: string | undefined): void {
  void i18n.changeLanguage(cliLanguage({ flag, profile: language, env: process.env }));
}

export const language = (): string => i18n.language;

/** The core's sentences in the CLI's language (see common/i18n/localize.ts). */
export const translateCore: Translate = coreTranslate(i18n);

type LooseT = (key: string, options: Record<string, unknown>) => string;

/** One of the CLI's own sentences, its values formatted for the language (numbers, `…At` instants). */
export function text<K extends KeyIn<typeof cliEn>>(key: K, ...[params]: ParamsArg<typeof cliEn, K>): string {
  const values = localParams(params as Record<string, string | number> | undefined, i18n.language, translateCore);
  return (i18n.t as unknown as LooseT)(key, { ns: CLI_NS, ...values });
}

/** An error as the learner reads it: the core's in their language, anything else as it was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof LearnError && error.messageI18n) return translateCore(error.messageI18n, error.message);
  return error instanceof Error ? error.message : String(error);
}

/** Numbers for the CLI's language, never the machine's (dates go through `text`, which formats `…At` values). */
export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(i18n.language, options).format(n);
