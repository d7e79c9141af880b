import { text } from './cli-i18n.js';

/**
 * Commander's own error messages in the CLI's language. Commander builds them in English inside its parser
 * (lib/command.js, lib/option.js of commander 14) and hands the finished line to `outputError`, the one hook
 * it offers: so each of its wordings is read back here and said again from the catalog. The English catalog
 * repeats commander's words exactly, so an English terminal reads what commander wrote; a wording this does
 * not know (a newer commander) is shown as commander wrote it.
 */
type Reading = [RegExp, (...values: string[]) => string];

/** What commander says after an invalid value: its list of choices, or the reason a parser of ours gave (said already). */
function reasonOf(reason: string): string {
  const choices = /^Allowed choices are (.+)\.$/.exec(reason);
  return choices ? text('commander-allowed-choices', { choices: choices[1]! }) : reason;
}

const READINGS: Reading[] = [
  [/^missing required argument '(.+)'$/, (name) => text('commander-missing-argument', { name })],
  [/^option '(.+)' argument missing$/, (flags) => text('commander-option-missing-argument', { flags })],
  [/^required option '(.+)' not specified$/, (flags) => text('commander-missing-option', { flags })],
  [/^unknown option '(.+)'$/, (flag) => text('commander-unknown-option', { flag })],
  [/^unknown command '(.+)'$/, (name) => text('commander-unknown-command', { name })],
  [
    /^too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\.$/,
    (command, expected, got) =>
      text('commander-too-many-arguments-for', { command, count: Number(expected), got: Number(got) }),
  ],
  [
    /^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/,
    (expected, got) => text('commander-too-many-arguments', { count: Number(expected), got: Number(got) }),
  ],
  [
    /^option '(.+?)' argument '(.*)' is invalid\. ?(.*)$/s,
    (flags, value, reason) =>
      text('commander-invalid-option-value', { flags, value, reason: reasonOf(reason) }).trimEnd(),
  ],
  [
    /^command-argument value '(.*)' is invalid for argument '(.+?)'\. ?(.*)$/s,
    (value, name, reason) =>
      text('commander-invalid-argument-value', { value, name, reason: reasonOf(reason) }).trimEnd(),
  ],
];

/** The "(Did you mean …?)" line commander puts under an unknown option or command. */
function suggestionOf(line: string): string {
  const one = /^\(Did you mean (?!one of )(.+)\?\)$/.exec(line);
  if (one) return text('commander-did-you-mean', { name: one[1]! });
  const several = /^\(Did you mean one of (.+)\?\)$/.exec(line);
  return several ? text('commander-did-you-mean-one-of', { names: several[1]! }) : line;
}

/** `shown`, what commander would print ("error: …\n", perhaps a suggestion line), in the CLI's language. */
export function commanderErrorInLanguage(shown: string): string {
  const parts = /^error: (.*?)(?:\n(\(Did you mean .+\?\)))?\n?$/s.exec(shown);
  if (!parts) return shown;
  const [, message = '', suggestion] = parts;
  for (const [pattern, say] of READINGS) {
    const found = pattern.exec(message);
    if (found) {
      const said = text('commander-error', { message: say(...found.slice(1)) });
      return `${said}\n${suggestion ? `${suggestionOf(suggestion)}\n` : ''}`;
    }
  }
  return shown;
}
