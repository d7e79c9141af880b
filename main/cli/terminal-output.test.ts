import { afterEach, describe, expect, it, vi } from 'vitest';
import { print, printError, printJson, terminalSafe, UNSAFE as UNSAFE_GLOBAL } from './terminal-output.js';

/** Every way found for data to drive a terminal: CSI, OSC 8 links, OSC 52 clipboard writes, C1, bidi. */
const hostile = {
  csi: 'Intro\x1b[2J\x1b[31mred\x1b[0m',
  osc8: 'Click \x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\ now',
  osc52: 'Copy\x1b]52;c;cm0gLXJmIH4K\x07 done',
  c1: 'A\u009b31mB\u009d0;title\u009cC\u0085D',
  bidi: 'file\u202Etxt.exe\u2066x\u2069\u200f',
  controls: 'bell\x07 back\x08 cr\r del\x7f nul\x00',
};
const UNSAFE = new RegExp(UNSAFE_GLOBAL.source);

describe('terminal output', () => {
  const written: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    written.length = 0;
  });
  const capture = (stream: NodeJS.WriteStream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });

  it.each(Object.entries(hostile))('strips %s, keeping the visible text', (_kind, text) => {
    const safe = terminalSafe(text);
    expect(safe).not.toMatch(UNSAFE);
    expect(safe).not.toContain('evil.example');
    expect(safe).not.toContain('cm0gLXJmIH4K');
  });

  it('keeps ordinary text, tabs, newlines and non-Latin scripts as they are', () => {
    const text = 'Décisions\tet boucles\n“quotes” — 日本語 עברית العربية 🐍';
    expect(terminalSafe(text)).toBe(text);
  });

  it('print, printError and print with strong runs pass no escape from data to the terminal', () => {
    capture(process.stdout);
    capture(process.stderr);
    for (const text of Object.values(hostile)) {
      print(text);
      printError(`lionlearn: Pack "${text}" is pinned`);
      print([{ text }, { text, strong: true }]);
    }
    for (const line of written) expect(line.replaceAll('\x1b[1m', '').replaceAll('\x1b[22m', '')).not.toMatch(UNSAFE);
  });

  it('printJson keeps the data whole as JSON escapes, with no raw control character', () => {
    capture(process.stdout);
    printJson(hostile);
    expect(written.join('')).not.toMatch(UNSAFE);
    expect(JSON.parse(written.join(''))).toEqual(hostile);
  });
});
