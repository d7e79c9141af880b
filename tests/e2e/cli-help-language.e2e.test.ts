import { describe, expect, it } from 'vitest';
import { cliHelpAdminDe } from '../../main/cli/i18n/messages/help-admin-de.js';
import { cliHelpDe } from '../../main/cli/i18n/messages/help-de.js';
import { cliHelpEn } from '../../main/cli/i18n/messages/help-en.js';
import { parseHelp } from './support/cli-help.js';
import { runCli } from './support/processes.js';

/** The locale alone, everything else as the test runner has it (LC_ALL would beat LANG). */
const german = { LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const english = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };

/** Commander wraps long descriptions to the terminal's width: compare the words, not the line breaks. */
const words = (help: string): string => help.replace(/\s+/g, ' ');

async function rawHelp(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { code, stdout } = await runCli([...args, '--help'], env);
  expect(code, args.join(' ')).toBe(0);
  return stdout;
}
const help = async (args: string[], env: NodeJS.ProcessEnv) => words(await rawHelp(args, env));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words commander adds after a description, as the German catalog says them: "(Standard: 20)". */
const EXTRAS = (['help-extra-choices', 'help-extra-default', 'help-extra-preset', 'help-extra-env'] as const)
  .map((key) => escape(cliHelpDe[key]))
  .join('|');

/**
 * Every German help text as the help shows it: its {{values}} filled in, and perhaps commander's extras after
 * it. A description that matches none of these was not said from the German catalog.
 */
const GERMAN_HELP = Object.values({ ...cliHelpDe, ...cliHelpAdminDe }).map(
  (german) =>
    new RegExp(`^${escape(words(german)).replace(/\\\{\\\{\w+\\\}\\\}/g, '\\S+')}(?: \\((?:${EXTRAS}) .*\\))?$`),
);
const GERMAN_HEADINGS = [
  cliHelpDe['help-heading-options'],
  cliHelpDe['help-heading-commands'],
  cliHelpDe['help-heading-arguments'],
  cliHelpDe['help-heading-global-options'],
];

describe("the lionlearn CLI's help in the learner's language", () => {
  it("is German with --lang de: the descriptions, the options and commander's own headings", async () => {
    const root = await help(['--lang', 'de'], english);
    for (const germanText of ['Aufruf:', 'Optionen:', 'Befehle:', cliHelpDe['help-program'], cliHelpDe['help-quiz']])
      expect(root).toContain(words(germanText));
    const quiz = await help(['--lang', 'de', 'quiz'], english);
    expect(quiz).toContain(words(cliHelpDe['help-quiz']));
    expect(quiz).toContain(words(cliHelpDe['help-option-learner-answers']));
    expect(quiz).toContain(cliHelpDe['help-option-help']);
  });

  it('says every description of every command and subcommand, and of each option and argument, from the German help catalog', async () => {
    const seen: string[] = [];
    const notGerman: string[] = [];
    const walk = async (args: string[]): Promise<void> => {
      const name = ['lionlearn', ...args].join(' ');
      const shown = parseHelp(await rawHelp(args, german));
      seen.push(name);
      expect(shown.usage, name).toMatch(new RegExp(`^${escape(cliHelpDe['help-heading-usage'])} ${escape(name)}\\b`));
      expect(shown.entries.length, `${name}: no entries read from its help`).toBeGreaterThan(0);
      // Commander's placeholders too: "[Optionen]", "[Befehl]".
      for (const syntax of [shown.usage, ...shown.entries.map((e) => e.term)])
        expect(syntax, name).not.toMatch(/\[(options|command)\]/);
      const texts = [
        { where: `${name}: the description`, text: shown.description },
        ...shown.entries.map((e) => ({ where: `${name}: ${e.heading} ${e.term}`, text: e.description })),
      ];
      for (const { where, text } of texts)
        if (!GERMAN_HELP.some((german) => german.test(text))) notGerman.push(`${where}: "${text}"`);
      for (const heading of new Set(shown.entries.map((e) => e.heading)))
        expect(GERMAN_HEADINGS, `${name}: ${heading}`).toContain(heading);
      const subcommands = shown.entries
        .filter((e) => e.heading === cliHelpDe['help-heading-commands'])
        .map((e) => e.term.split(/[ |]/)[0]!)
        .filter((command) => command !== 'help');
      for (const command of subcommands) await walk([...args, command]);
    };
    await walk([]);
    // The walk reached the depths: every group and the admins' subcommands (a parser reading nothing would pass).
    for (const command of [
      'lionlearn trust add',
      'lionlearn admin publish-app',
      'lionlearn notify send',
      'lionlearn model eval',
    ])
      expect(seen).toContain(command);
    expect(seen.length).toBeGreaterThan(50);
    expect(notGerman).toEqual([]);
  }, 300_000);

  it('follows LANG=de_DE.UTF-8 when no --lang is given, and --lang en over it', async () => {
    expect(await help(['quiz'], german)).toContain(words(cliHelpDe['help-quiz']));
    const en = await help(['--lang', 'en', 'quiz'], german);
    expect(en).toContain(words(cliHelpEn['help-quiz']));
    expect(en).toContain('Usage: lionlearn quiz [options] <module>');
    expect(en).toContain('-h, --help display help for command');
  });

  it("says commander's refusals in German: a missing argument, an unknown option, a value not among the choices", async () => {
    const refused = async (args: string[]) => {
      const { code, stderr } = await runCli(args, german);
      expect(code, args.join(' ')).toBe(1);
      return stderr;
    };
    expect(await refused(['quiz'])).toBe('Fehler: das Argument „module“ fehlt\n');
    expect(await refused(['modules', '--jsno'])).toBe('Fehler: unbekannte Option „--jsno“\n(Meintest du --json?)\n');
    expect(await refused(['model', 'train', '--train', 'answers.csv', '--model', 'rnn'])).toBe(
      'Fehler: der Wert „rnn“ der Option „--model <name>“ ist ungültig. Erlaubt sind dkt, dkt-history, sakt, akt, dkvmn, dkvmn-history.\n',
    );
    expect(await refused(['admin', 'publish', 'demo.lpack'])).toBe(
      'Fehler: die Option „--server <url>“ ist nötig, wurde aber nicht angegeben\n',
    );
  });
});
