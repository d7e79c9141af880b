import { LearnError } from '../../../common/contract/errors.js';
import { PackArchiveError } from '../../../content-packs/format/pack-archive.js';
import { PackFormatError } from '../../../content-packs/format/pack-source.js';
import { ServerRefused } from '../../core/distribution/publish-pack.js';
import { localParams } from '../../../common/i18n/localize.js';
import type { Translate } from '../../../common/i18n/localize.js';
import { refOf } from '../../../common/i18n/message.js';
import type { KeyIn, ParamsArg, Said } from '../../../common/i18n/message.js';
import { coreTranslate, createCoreI18n } from '../../../common/i18n/translator.js';
import { cliLanguage, langInArgv } from './cli-language.js';
import { cliAdminDe } from './messages/admin-de.js';
import { cliAdminEn } from './messages/admin-en.js';
import { cliDe } from './messages/de.js';
import { cliEn } from './messages/en.js';
import { cliHelpAdminDe } from './messages/help-admin-de.js';
import { cliHelpAdminEn } from './messages/help-admin-en.js';
import { cliHelpDe } from './messages/help-de.js';
import { cliHelpEn } from './messages/help-en.js';

const CLI_NS = 'cli';

/**
 * The CLI's one i18next instance: the core's catalogs (what the core says) and the CLI's own (what the
 * commands say), in the language `cliLanguage` picks. Until a command opens a profile, `--lang` as the
 * command line has it, else the terminal's: the help texts are fixed when the commands are registered,
 * before commander has parsed anything (see `langInArgv`).
 */
let flag: string | undefined = langInArgv(process.argv.slice(2));
const i18n = createCoreI18n(cliLanguage({ flag, env: process.env }), {
  en: { [CLI_NS]: { ...cliEn, ...cliAdminEn, ...cliHelpEn, ...cliHelpAdminEn } },
  de: { [CLI_NS]: { ...cliDe, ...cliAdminDe, ...cliHelpDe, ...cliHelpAdminDe } },
});

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

/** The CLI's own sentences in English, the learners', the admins' and the help's (the admin tools' apart): the type every `text` call is checked against. */
type CliCatalog = typeof cliEn & typeof cliAdminEn & typeof cliHelpEn & typeof cliHelpAdminEn;

/** One of the CLI's own sentences, its values formatted for the language (numbers, `…At` instants). */
export function text<K extends KeyIn<CliCatalog>>(key: K, ...[params]: ParamsArg<CliCatalog, K>): string {
  const values = localParams(params as Record<string, string | number> | undefined, i18n.language, translateCore);
  return (i18n.t as unknown as LooseT)(key, { ns: CLI_NS, ...values });
}

/** A message the CLI composed with the core's catalog (common/i18n), in the CLI's language. */
export const saidHere = (said: Said): string => translateCore(refOf(said), said.text);

/** An error as the learner reads it: the core's and a pack's refusal in their language, anything else as it was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof LearnError && error.messageI18n) return translateCore(error.messageI18n, error.message);
  // `pack verify` and `pack check` read a pack file or folder themselves, without the core.
  if (error instanceof PackArchiveError || error instanceof PackFormatError) return saidHere(error.said);
  // The class server's refusal of an upload (`admin publish-app`), in its words.
  if (error instanceof ServerRefused) return saidHere(error.said);
  return error instanceof Error ? error.message : String(error);
}

/** Numbers for the CLI's language, never the machine's (dates go through `text`, which formats `…At` values). */
export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string =>
  new Intl.NumberFormat(i18n.language, options).format(n);

/** "12 min", "1 h 5 min" in the CLI's language: minutes rounded, "under 1 min" rather than a misleading "0 min". */
export function duration(ms: number): string {
  if (ms > 0 && ms < 30_000) return text('duration-under-minute');
  const m = Math.round(ms / 60_000);
  return m < 60
    ? text('duration-minutes', { minutes: m })
    : text('duration-hours', { hours: Math.floor(m / 60), minutes: m % 60 });
}

/** A share (0.25) as the language writes a percentage: "25%", "25 %". */
export const formatPercent = (share: number, digits = 0): string =>
  formatNumber(share, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A local day (`YYYY-MM-DD`) as the language writes a date ("Dec 5, 2026", "05.12.2026"); it is a date already, no zone. */
export const formatDay = (day: string): string =>
  new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
