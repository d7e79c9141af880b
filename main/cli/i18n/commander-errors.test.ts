import { Command, CommanderError, Option } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePort } from '../option-values.js';
import { commanderInLanguage } from './cli-help.js';
import { useLanguageFlag } from './cli-i18n.js';

afterEach(() => useLanguageFlag('en'));

/**
 * A program set up as lionlearn's is (commander's words in the CLI's language, then the commands), parsing
 * `args` with the real commander: what it prints on stderr when it refuses them.
 */
function refusal(args: string[]): string {
  let said = '';
  const program = commanderInLanguage(new Command('lionlearn'), '1.0.0')
    .configureOutput({ writeErr: (text) => (said += text), writeOut: () => undefined })
    .exitOverride();
  program.command('quiz <module>').option('--learner <nameOrId>');
  program.command('info');
  program.command('serve').option('--port <n>', 'port', parsePort);
  program
    .command('train')
    .requiredOption('--train <file>')
    .addOption(new Option('--model <name>').choices(['dkt', 'sakt']));
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
  }
  return said;
}

describe("commander's errors in the CLI's language", () => {
  it('read in English exactly as commander writes them', () => {
    useLanguageFlag('en');
    expect(refusal(['quiz'])).toBe("error: missing required argument 'module'\n");
    expect(refusal(['quiz', 'm', '--lerner', 'Ada'])).toBe(
      "error: unknown option '--lerner'\n(Did you mean --learner?)\n",
    );
    expect(refusal(['info', 'extra'])).toBe("error: too many arguments for 'info'. Expected 0 arguments but got 1.\n");
    expect(refusal(['train', '--train', 'f', '--model', 'rnn'])).toBe(
      "error: option '--model <name>' argument 'rnn' is invalid. Allowed choices are dkt, sakt.\n",
    );
  });

  it('are German under --lang de: a missing argument, an unknown option or command, an invalid choice', () => {
    useLanguageFlag('de');
    expect(refusal(['quiz'])).toBe('Fehler: das Argument „module“ fehlt\n');
    expect(refusal(['quiz', 'm', '--lerner', 'Ada'])).toBe(
      'Fehler: unbekannte Option „--lerner“\n(Meintest du --learner?)\n',
    );
    expect(refusal(['quizz'])).toBe('Fehler: unbekannter Befehl „quizz“\n(Meintest du quiz?)\n');
    expect(refusal(['info', 'extra'])).toBe(
      'Fehler: zu viele Argumente für „info“: erwartet werden 0 Argumente, angegeben wurden 1.\n',
    );
    expect(refusal(['train', '--train', 'f', '--model', 'rnn'])).toBe(
      'Fehler: der Wert „rnn“ der Option „--model <name>“ ist ungültig. Erlaubt sind dkt, sakt.\n',
    );
    expect(refusal(['train'])).toBe('Fehler: die Option „--train <file>“ ist nötig, wurde aber nicht angegeben\n');
    expect(refusal(['serve', '--port', '70000'])).toBe(
      'Fehler: der Wert „70000“ der Option „--port <n>“ ist ungültig. Ein Port ist eine ganze Zahl von 0 bis 65535.\n',
    );
    expect(refusal(['quiz', 'm', '--learner'])).toBe('Fehler: der Option „--learner <nameOrId>“ fehlt ihr Wert\n');
  });
});
