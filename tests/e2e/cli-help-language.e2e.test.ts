import { describe, expect, it } from 'vitest';
import { cliHelpDe } from '../../main/cli/i18n/messages/help-de.js';
import { cliHelpEn } from '../../main/cli/i18n/messages/help-en.js';
import { runCli } from './support/processes.js';

/** The locale alone, everything else as the test runner has it (LC_ALL would beat LANG). */
const german = { LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const english = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };

/** The learner's commands whose `--help` is translated, every one of their texts included. */
const COVERED = [
  [],
  ['start'],
  ['modules'],
  ['lesson'],
  ['search'],
  ['info'],
  ['learner'],
  ['learner', 'list'],
  ['learner', 'create'],
  ['learner', 'export'],
  ['learner', 'import'],
  ['learner', 'remove'],
  ['progress'],
  ['progress', 'show'],
  ['progress', 'analytics'],
  ['progress', 'rebuild'],
  ['path'],
  ['quiz'],
  ['assess'],
  ['assess', 'start'],
  ['assess', 'resume'],
  ['assess', 'report'],
  ['run'],
];

/** Commander wraps long descriptions to the terminal's width: compare the words, not the line breaks. */
const words = (help: string): string => help.replace(/\s+/g, ' ');

/** Every English help text that German says differently: none may be left in a German help. */
const englishTexts = Object.entries(cliHelpEn)
  .filter(([key, en]) => cliHelpDe[key as keyof typeof cliHelpEn] !== en)
  .map(([, en]) => en);

async function help(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { code, stdout } = await runCli([...args, '--help'], env);
  expect(code, args.join(' ')).toBe(0);
  return words(stdout);
}

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

  // One test per command, each in its own time: a slow machine spawns these one after another.
  it.each(COVERED.map((args) => [args.join(' ') || 'lionlearn', args] as const))(
    '%s --help keeps no English description, option text or heading under --lang=de',
    async (_name, args) => {
      const shown = await help(['--lang=de', ...args], english);
      for (const en of [...englishTexts, 'Usage:', 'Options:', 'Commands:', 'Arguments:'])
        expect(shown, `"${en}"`).not.toContain(words(en));
    },
  );

  it('follows LANG=de_DE.UTF-8 when no --lang is given, and --lang en over it', async () => {
    expect(await help(['quiz'], german)).toContain(words(cliHelpDe['help-quiz']));
    const en = await help(['--lang', 'en', 'quiz'], german);
    expect(en).toContain(words(cliHelpEn['help-quiz']));
    expect(en).toContain('Usage: lionlearn quiz [options] <module>');
    expect(en).toContain('-h, --help display help for command');
  });
});
