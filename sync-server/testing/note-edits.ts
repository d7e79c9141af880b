import * as Y from 'yjs';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';

/** Two learners' notes documents, for tests of the document store's appends. */
export const docA = 'u/00000000-0000-4000-8000-00000000000a/notes';
export const docB = 'u/00000000-0000-4000-8000-00000000000b/notes';

/** `count` small Yjs updates to a notes document, each one edit, in the order a device would send them. */
export function noteEdits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getMap(SYNC_ROOTS.notes.name).set(`n${i}`, i);
  return updates;
}
