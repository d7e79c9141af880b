/** What a GET with a Range header gets: the whole file, one slice of it, or 416. */
export type RangeAnswer =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/** Digits beyond this are not a byte position any file here has; parsed as "past the end", never as a float. */
const MAX_DIGITS = 15;

/**
 * RFC 9110 §14 for one file of `size` bytes, as a resuming download needs it and no more. Anything this server
 * does not serve is answered with the whole file, which the RFC allows for any Range it ignores: another unit,
 * several ranges (each app asks for one; multipart answers are an amplification tool for an attacker asking for
 * the same bytes a thousand times, overlapping), a malformed or inverted spec, or an `If-Range` that does not
 * name this very file (the client's partial copy is of other bytes). A first byte at or past the end is 416; a
 * last byte past the end is cut to the end; `-N` is the last N bytes.
 */
export function parseRange(
  header: string | undefined,
  size: number,
  { ifRange, etag }: { ifRange?: string | undefined; etag: string },
): RangeAnswer {
  if (header === undefined) return { kind: 'full' };
  if (ifRange !== undefined && ifRange !== etag) return { kind: 'full' };
  const match = /^bytes=([^,]*)$/i.exec(header.trim());
  if (!match) return { kind: 'full' };
  const spec = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(match[1]!);
  if (!spec) return { kind: 'full' };
  const [, first, last] = spec as unknown as [string, string, string];
  if (first === '' && last === '') return { kind: 'full' };
  const position = (digits: string) => (digits.length > MAX_DIGITS ? Number.MAX_SAFE_INTEGER : Number(digits));
  if (first === '') {
    const suffix = position(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = position(first);
  if (last !== '' && position(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: last === '' ? size - 1 : Math.min(position(last), size - 1) };
}
