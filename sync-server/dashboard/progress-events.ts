import * as Y from 'yjs';
import { progressEventSchema } from '../../common/contract/progress.js';
import type { ProgressEvent } from '../../common/contract/progress.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';

/**
 * A progress document entry as an event, or null. The document is the learner's to write, so its entries are
 * checked as the app checks them: against the contract, filed under their own eventId, and owned by the
 * document's account whatever `userId` they claim.
 */
export function eventOfEntry(owner: string, key: string, value: unknown): ProgressEvent | null {
  if (typeof value !== 'object' || value === null || (value as { eventId?: unknown }).eventId !== key) return null;
  const parsed = progressEventSchema.safeParse({ ...value, userId: owner });
  return parsed.success ? parsed.data : null;
}

/**
 * The events an update adds to a progress document, read from the update alone (no document to load): each
 * new key of the 'events' map is an item naming its parent and key. An item without them overwrites a key
 * already there, which the app never does (events are immutable; a key set again by a second device carries
 * the same event and is skipped as seen), so only keyed items count, as in `eventsOfDocument`.
 */
export function eventsOfUpdate(owner: string, update: Uint8Array): ProgressEvent[] {
  const events: ProgressEvent[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (
      !(struct instanceof Y.Item) ||
      (struct.parent as unknown) !== SYNC_ROOTS.progress.name ||
      struct.parentSub === null
    )
      continue;
    if (!(struct.content instanceof Y.ContentAny)) continue;
    const event = eventOfEntry(owner, struct.parentSub, struct.content.arr.at(-1));
    if (event) events.push(event);
  }
  return events;
}

/** Every event of a progress document's stored state (its snapshot and update rows): a rebuild's input. */
export function eventsOfDocument(owner: string, updates: readonly Uint8Array[]): ProgressEvent[] {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    const events: ProgressEvent[] = [];
    doc.getMap(SYNC_ROOTS.progress.name).forEach((value, key) => {
      const event = eventOfEntry(owner, key, value);
      if (event) events.push(event);
    });
    return events;
  } finally {
    doc.destroy();
  }
}
