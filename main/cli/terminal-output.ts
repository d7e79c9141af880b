import { stripVTControlCharacters } from 'node:util';

/**
 * What may not reach a terminal from data (pack titles, descriptions, snippets, labels, error
 * messages quoting any of them): C0 controls but tab and newline, DEL, C1 controls (0x9b is an
 * 8-bit CSI), and the bidirectional marks, embeddings, overrides and isolates that reorder text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text as a terminal may show it: escape sequences (CSI, OSC 8/52, ...) whole, then any stray control. */
export function terminalSafe(text: string): string {
  return stripVTControlCharacters(text).replace(UNSAFE, '');
}

/** A run of text; strong runs (search matches) are bold on a terminal, [bracketed] elsewhere. */
export interface Run {
  text: string;
  strong?: boolean;
}

/**
 * The CLI's one way to print a line on stdout; every command's output passes here. The only
 * escape sequences that reach the terminal are the ones written below, never ones from data.
 */
export function print(line: string | readonly Run[]): void {
  const runs = typeof line === 'string' ? [{ text: line }] : line;
  const strong = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : `[${text}]`);
  const text = runs.map((run) => (run.strong ? strong(terminalSafe(run.text)) : terminalSafe(run.text))).join('');
  process.stdout.write(`${text}\n`);
}

/** A line on stderr, made safe the same way. */
export function printError(text: string): void {
  process.stderr.write(`${terminalSafe(text)}\n`);
}

/**
 * JSON for scripts: the data stays whole (JSON.stringify escapes C0 controls already) and the rest
 * of the unsafe characters are written as \u escapes, which JSON readers decode back.
 */
export function printJson(value: unknown): void {
  const text = JSON.stringify(value, null, 2).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  process.stdout.write(`${text}\n`);
}
