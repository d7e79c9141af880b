import type { AppLanguage } from '../../../common/contract/learners.js';
import { shippedLanguage } from '../../../common/i18n/catalogs.js';

/** A POSIX locale ("de_DE.UTF-8", "de", "C") when the app ships its language. */
const shipped = (locale: string | undefined) => shippedLanguage([locale]);

/**
 * The language the CLI speaks. An explicit `--lang` wins; then the open profile's own choice (the same
 * one the app's window follows); then the terminal's locale the way POSIX reads it: LC_ALL over
 * LC_MESSAGES over LANG, the first one set deciding (LC_ALL=C means English even with LANG=de_DE).
 */
export function cliLanguage(options: {
  flag?: string | undefined;
  profile?: string | undefined;
  env: Record<string, string | undefined>;
}): AppLanguage {
  const flagged = shipped(options.flag);
  if (flagged) return flagged;
  const chosen = options.profile && options.profile !== 'system' ? shipped(options.profile) : undefined;
  if (chosen) return chosen;
  const { LC_ALL, LC_MESSAGES, LANG } = options.env;
  const posix = [LC_ALL, LC_MESSAGES, LANG].find((value) => value !== undefined && value !== '');
  return shipped(posix) ?? 'en';
}

/**
 * `--lang` as the command line has it, read before commander parses anything: the help texts are given
 * to commander when the commands are registered, so their language has to be known by then. (The open
 * profile's language cannot be: no database is open before a command runs, so help follows `--lang` and
 * the locale only.) Commander takes `--lang` anywhere before a lone `--`, as `--lang de` or `--lang=de`.
 */
export function langInArgv(argv: readonly string[]): string | undefined {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  let found: string | undefined;
  args.forEach((arg, i) => {
    if (arg === '--lang') found = args[i + 1];
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  });
  return found;
}
