import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-range.js';

const etag = '"abc"';
const range = (header: string | undefined, size = 1000, ifRange?: string) =>
  parseRange(header, size, { ifRange, etag });

describe('parseRange', () => {
  it('serves one slice, an open end to the end, and a suffix as the last bytes', () => {
    expect(range('bytes=0-99')).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(range('bytes=500-')).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(range('bytes=-100')).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(range('bytes=-5000')).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(range('BYTES=10-20')).toEqual({ kind: 'partial', start: 10, end: 20 });
  });

  it('cuts a last byte past the end to the end', () => {
    expect(range('bytes=990-5000')).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(range('bytes=0-99999999999999999999999')).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('answers 416 for a first byte at or past the end, an empty suffix, or any range of an empty file', () => {
    for (const header of ['bytes=1000-', 'bytes=1000-2000', 'bytes=99999999999999999999-', 'bytes=-0']) {
      expect(range(header)).toEqual({ kind: 'unsatisfiable' });
    }
    expect(range('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores (serves whole) several ranges, overlapping ones, inverted, negative, malformed or other units', () => {
    for (const header of [
      'bytes=0-1,0-1,0-1',
      'bytes=0-999,0-999',
      'bytes=0-10,5-20',
      'bytes=20-10',
      'bytes=-5-10',
      'bytes=--5',
      'bytes=-',
      'bytes=',
      'bytes=1e3-',
      'bytes=0x10-',
      'bytes=1.5-2',
      'bytes = 0-1',
      'items=0-1',
      'bytes=0-1;',
      '',
    ]) {
      expect(range(header), header).toEqual({ kind: 'full' });
    }
  });

  it('serves the whole file when If-Range names other bytes', () => {
    expect(range('bytes=10-', 1000, '"other"')).toEqual({ kind: 'full' });
    expect(range('bytes=10-', 1000, etag)).toEqual({ kind: 'partial', start: 10, end: 999 });
  });

  it('never answers a slice outside the file, whatever the header', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .tuple(
              fc.option(fc.bigInt({ min: -10n, max: 10n ** 20n })),
              fc.option(fc.bigInt({ min: -10n, max: 10n ** 20n })),
            )
            .map(([a, b]) => `bytes=${a ?? ''}-${b ?? ''}`),
          fc
            .array(fc.tuple(fc.nat(2000), fc.nat(2000)), { minLength: 1, maxLength: 5 })
            .map((parts) => `bytes=${parts.map(([a, b]) => `${a}-${b}`).join(',')}`),
        ),
        fc.nat(5000),
        (header, size) => {
          const answer = parseRange(header, size, { etag });
          if (answer.kind !== 'partial') return;
          expect(answer.start).toBeGreaterThanOrEqual(0);
          expect(answer.end).toBeGreaterThanOrEqual(answer.start);
          expect(answer.end).toBeLessThan(size);
          expect(Number.isSafeInteger(answer.end)).toBe(true);
        },
      ),
    );
  });
});
