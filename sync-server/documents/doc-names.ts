import { FIXED_DOCS } from '../../common/contract/sync-docs.js';

/**
 * Document names are the y-websocket room: the URL path after `/sync/`. They are checked on the raw path,
 * before any percent-decoding, so `%2e%2e`, `%2F`, `..`, `//` or unicode never reach a lookup.
 */
export type DocKind = (typeof FIXED_DOCS)[number] | 'progress';

export interface DocName {
  /** The validated name, e.g. `u/<accountId>/progress/2025-1`. */
  name: string;
  owner: string;
  kind: DocKind;
  /** `YYYY-1` (January to June) or `YYYY-2` (July to December), progress documents only. */
  term?: string;
}

export const MAX_DOC_NAME_LENGTH = 128;
export const SYNC_PATH_PREFIX = '/sync/';

const DOC_NAME = new RegExp(
  `^u/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(${FIXED_DOCS.join('|')}|progress/(\\d{4}-[12]))$`,
);

/**
 * A copy of `text` that holds none of the string it was cut from. V8 keeps a regex group or a `slice` as a view
 * of its parent: a document's name cut from the request URL kept that URL (with its token, 300 bytes) alive for
 * as long as the document was loaded. Encoding and decoding makes a string of its own.
 */
const ownCopy = (text: string) => Buffer.from(text, 'latin1').toString('latin1');

export function parseDocName(raw: string): DocName | null {
  if (raw.length > MAX_DOC_NAME_LENGTH) return null;
  const match = DOC_NAME.exec(raw);
  if (!match) return null;
  const [name, owner, kind, term] = match as unknown as [string, string, string, string | undefined];
  return term === undefined ? { name, owner, kind: kind as DocKind } : { name, owner, kind: 'progress', term };
}

/** The document of a raw request URL (`/sync/<name>?query`), or null when the path is not one. */
export function docNameOfUrl(rawUrl: string): DocName | null {
  const query = rawUrl.indexOf('?');
  const path = query === -1 ? rawUrl : rawUrl.slice(0, query);
  if (!path.startsWith(SYNC_PATH_PREFIX)) return null;
  const doc = parseDocName(path.slice(SYNC_PATH_PREFIX.length));
  // The name outlives the request: the document is loaded, and subscribed to, under it.
  return doc && { ...doc, name: ownCopy(doc.name) };
}
