import { Help } from 'commander';
import type { Argument, Command, Option } from 'commander';
import { text } from './cli-i18n.js';
import { commanderErrorInLanguage } from './commander-errors.js';

/** Commander's own headings (it passes each through `styleTitle`) and the catalog key that says each. */
const HEADINGS = {
  'Usage:': 'help-heading-usage',
  'Options:': 'help-heading-options',
  'Commands:': 'help-heading-commands',
  'Arguments:': 'help-heading-arguments',
  'Global Options:': 'help-heading-global-options',
} as const;

/** The words commander puts in the parentheses after a description: "(default: 20)", "(env: X)". */
const EXTRAS = {
  choices: 'help-extra-choices',
  default: 'help-extra-default',
  preset: 'help-extra-preset',
  env: 'help-extra-env',
} as const;

const isHeading = (title: string): title is keyof typeof HEADINGS => Object.hasOwn(HEADINGS, title);

/**
 * Commander's description with its "(default: …)" words said in the CLI's language. Commander builds
 * that text inside one method, so only the part after the description itself is rewritten: a description
 * is never touched, and a default value only where it repeats ", default: " (none does).
 */
function localExtras(shown: string, description: string): string {
  const extras = shown.slice(description.length);
  return (
    description +
    extras.replace(
      /(^ ?\(|, )(choices|default|preset|env): /g,
      (_match, lead: string, word: keyof typeof EXTRAS) => `${lead}${text(EXTRAS[word])} `,
    )
  );
}

/**
 * Commander's own words in the CLI's language: in `--help` (headings, "[options]", "(default: …)", the help
 * option and help command, the version option) and in its errors (a missing argument, an unknown option, a value not
 * among the choices). Called on the program before any command is added: commander copies the help and
 * output settings into each subcommand when `command()` creates it, so every command below speaks the same
 * language. In English every text is commander's own, so the help and the errors read exactly as they did.
 */
export function commanderInLanguage(program: Command, version: string): Command {
  return program
    .configureOutput({ outputError: (shown, write) => write(commanderErrorInLanguage(shown)) })
    .configureHelp({
      styleTitle: (title) => (isHeading(title) ? text(HEADINGS[title]) : title),
      // The placeholders of a usage line and a list of commands ("lionlearn pack [options] [command]").
      styleOptionText: (word) => (word === '[options]' ? `[${text('help-syntax-options')}]` : word),
      styleSubcommandText: (word) => (word === '[command]' ? `[${text('help-syntax-command')}]` : word),
      optionDescription(this: Help, option: Option) {
        return localExtras(Help.prototype.optionDescription.call(this, option), option.description);
      },
      argumentDescription(this: Help, argument: Argument) {
        return localExtras(Help.prototype.argumentDescription.call(this, argument), argument.description);
      },
    })
    .helpOption('-h, --help', text('help-option-help'))
    .helpCommand(`help [${text('help-syntax-command')}]`, text('help-command-help'))
    .version(version, '-V, --version', text('help-option-version'));
}
