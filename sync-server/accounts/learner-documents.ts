import * as Y from 'yjs';
import { wireName } from '../../common/contract/sync-docs.js';

/** The documents every account starts with. */
export const learnerDocuments = (accountId: string) => ({
  prefs: wireName(accountId, 'prefs'),
  notes: wireName(accountId, 'notes'),
  inbox: wireName(accountId, 'inbox'),
});

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** ISO 8601 time, as the app's events carry. */
  at: string;
}

/** The stored state of a document with nothing in it yet. */
export const emptyDocumentState = (): Uint8Array => Y.encodeStateAsUpdate(new Y.Doc());

/** A Yjs update that appends one item to the inbox's 'items' array. */
export function inboxItemUpdate(item: InboxItem): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray<InboxItem>('items').push([item]);
  return Y.encodeStateAsUpdate(doc);
}
