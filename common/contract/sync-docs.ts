/**
 * A learner's synced documents, named once for the app and the sync server: by their key on a device, and on
 * the wire (the y-websocket room) `u/<accountId>/<key>`. Progress is sharded per half-year term of the event's UTC time, so no
 * document grows without bound.
 */
export const FIXED_DOCS = ['prefs', 'notes', 'inbox'] as const;

export type TermKey = `progress/${number}-${1 | 2}`;
export type DocKey = (typeof FIXED_DOCS)[number] | TermKey;

/** Terms counted as year * 2 + (0 for January-June, 1 for July-December). */
const termKey = (index: number): TermKey => `progress/${Math.floor(index / 2)}-${index % 2 === 0 ? 1 : 2}`;

/** The first term of the app's releases: earlier terms are synced only when this device has one. */
const FIRST_TERM = 2025 * 2;

/** Event timestamps are ISO-8601 in UTC (the contract's `z.iso.datetime`), so the term is in the text. */
export const termOf = (timestamp: string): TermKey =>
  termKey(Number(timestamp.slice(0, 4)) * 2 + (Number(timestamp.slice(5, 7)) <= 6 ? 0 : 1));

export const isTermKey = (key: string): key is TermKey => /^progress\/\d{4}-[12]$/.test(key);

export const wireName = (accountId: string, key: DocKey): string => `u/${accountId}/${key}`;

/** Every term from the first release up to the one `now` is in, oldest first. */
export function termsUpTo(now: Date): TermKey[] {
  const last = now.getUTCFullYear() * 2 + (now.getUTCMonth() < 6 ? 0 : 1);
  const terms: TermKey[] = [];
  for (let index = FIRST_TERM; index <= last; index++) terms.push(termKey(index));
  return terms;
}
