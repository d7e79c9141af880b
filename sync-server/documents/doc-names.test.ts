import { describe, expect, it } from 'vitest';
import { docNameOfUrl, parseDocName } from './doc-names.js';

const id = '7b0c2a52-1d7e-4b7e-9d6a-2f3c1e0a9b11';

describe('document names', () => {
  it('parses the four kinds, with the term of a progress document', () => {
    expect(parseDocName(`u/${id}/prefs`)).toEqual({ name: `u/${id}/prefs`, owner: id, kind: 'prefs' });
    expect(parseDocName(`u/${id}/notes`)).toMatchObject({ kind: 'notes' });
    expect(parseDocName(`u/${id}/inbox`)).toMatchObject({ kind: 'inbox' });
    expect(parseDocName(`u/${id}/progress/2025-2`)).toEqual({
      name: `u/${id}/progress/2025-2`,
      owner: id,
      kind: 'progress',
      term: '2025-2',
    });
  });

  it.each([
    `u/${id}/../${id}/notes`,
    `u/${id}/%2e%2e/notes`,
    `u/${id}%2Fnotes`,
    `u/${id}/not%65s`,
    `u/${id}//notes`,
    `u//${id}/notes`,
    `u/${id}/notes/`,
    `u/${id}/notes\n`,
    `u/${id}/NOTES`,
    `u/${id.toUpperCase()}/notes`,
    `u/${id.replaceAll('-', '')}/notes`,
    `u/${id}/progress/2025-0`,
    `u/${id}/progress/20251`,
    `u/${id}/progress/2025-1/x`,
    `u/${id}/notés`,
    `u/${id}/notes\u0000`,
    `u/${id}/inbox ${'x'.repeat(200)}`,
    `../u/${id}/notes`,
    '',
  ])('refuses %j', (raw) => {
    expect(parseDocName(raw)).toBeNull();
  });

  it('takes the name from a raw request URL, query aside, and only under /sync/', () => {
    expect(docNameOfUrl(`/sync/u/${id}/notes?token=abc&ack=1`)).toMatchObject({ kind: 'notes', owner: id });
    expect(docNameOfUrl(`/sync/u/${id}/notes`)).toMatchObject({ kind: 'notes' });
    expect(docNameOfUrl(`/other/u/${id}/notes`)).toBeNull();
    expect(docNameOfUrl(`/sync/u/${id}/notes#x`)).toBeNull();
    expect(docNameOfUrl(`/sync/u/${id}/no%74es?token=x`)).toBeNull();
  });
});
