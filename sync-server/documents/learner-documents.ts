import * as Y from 'yjs';
import { wireName } from '../../common/contract/sync-docs.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import type { InboxItem } from '../../common/contract/notifications.js';

/** The documents every account starts with. */
export const learnerDocuments = (accountId: string) => ({
  prefs: wireName(accountId, 'prefs'),
  notes: wireName(accountId, 'notes'),
  inbox: wireName(accountId, 'inbox'),
});

/** The stored state of a document with nothing in it yet. */
export const emptyDocumentState = (): Uint8Array => Y.encodeStateAsUpdate(new Y.Doc());

/** A Yjs update that appends one item to the inbox's 'items' array. */
export function inboxItemUpdate(item: InboxItem): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray<InboxItem>(SYNC_ROOTS.inbox.name).push([item]);
  return Y.encodeStateAsUpdate(doc);
}
