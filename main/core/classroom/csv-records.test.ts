import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from './csv-records.js';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and line breaks in quotes, CRLF, a BOM, and skips blank lines', () => {
    const text =
      '\uFEFFname,email\r\n"Lovelace, Ada","ada@example.org"\r\n\r\n"Bo ""the"" B",bo@x.org\n"two\nlines",c@x.org';
    expect(parseCsv(text)).toEqual([
      ['name', 'email'],
      ['Lovelace, Ada', 'ada@example.org'],
      ['Bo "the" B', 'bo@x.org'],
      ['two\nlines', 'c@x.org'],
    ]);
  });

  it('keeps empty fields and a trailing empty field', () => {
    expect(parseCsv('a,,c,\n,')).toEqual([
      ['a', '', 'c', ''],
      ['', ''],
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(/^line 3: a quoted field is never closed/);
    expect(() => parseCsv('a\n"x"y,z')).toThrow(/^line 2: text after a closing quote/);
  });

  it('reads back any table written the RFC 4180 way', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, fc.boolean(), (rows, crlf) => {
        const text = rows
          .map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(','))
          .join(crlf ? '\r\n' : '\n');
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});
