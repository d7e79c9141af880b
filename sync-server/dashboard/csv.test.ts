import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

/** RFC 4180 read back: what a spreadsheet sees in each cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && !(c === '\r' && text[i + 1] === '\n'))) cell += c;
    else if (c === ',') endCell();
    else {
      endCell();
      rows.push(row);
      row = [];
      i++;
    }
  }
  return rows;
}

describe('CSV export', () => {
  it('gives back every text cell as written, and no cell a spreadsheet would run as a formula', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.oneof(fc.string(), fc.constantFrom('=1+1', '+1', '-1', '@A1', '\t=x', '\r=x', 'a,b', '"q"', 'l1\nl2')),
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (rows) => {
          const width = Math.max(1, ...rows.map((r) => r.length));
          const table = {
            caption: 't',
            headers: Array.from({ length: width }, (_, i) => `h${i}`),
            rows: rows.map((r) => [...r, ...Array(width - r.length).fill('')]),
          };
          const back = parseCsv(toCsv(table));
          expect(back[0]).toEqual(table.headers);
          back.slice(1).forEach((row, r) =>
            row.forEach((cell, c) => {
              const written = table.rows[r]![c] as string;
              expect(cell).toBe(/^[=+\-@\t\r]/.test(written) ? `'${written}` : written);
              expect(cell).not.toMatch(/^[=+\-@\t\r]/);
            }),
          );
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });

  it('writes numbers as numbers and nothing for no value', () => {
    expect([csvCell(-3), csvCell(0.5), csvCell(null), csvCell(Number.NaN)]).toEqual(['-3', '0.5', '', '']);
  });
});
