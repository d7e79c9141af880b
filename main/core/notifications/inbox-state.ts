import { inboxItemSchema, inboxMarkSchema } from '../../../common/contract/notifications.js';
import type { InboxItem, InboxMark } from '../../../common/contract/notifications.js';

export interface InboxState {
  /** Each id once, in the order first seen (a delivery repeated after a server crash is shown once). */
  items: InboxItem[];
  read: Set<string>;
  dismissed: Set<string>;
}

/**
 * Reads the inbox document's array: items and the read/dismissed marks beside them. Whatever fails both
 * schemas (a newer app's entry, a damaged one) is skipped, never shown half-understood.
 */
export function readInbox(entries: readonly unknown[]): InboxState {
  const state: InboxState = { items: [], read: new Set(), dismissed: new Set() };
  const seen = new Set<string>();
  for (const entry of entries) {
    const mark = inboxMarkSchema.safeParse(entry);
    if (mark.success) {
      (mark.data.mark === 'read' ? state.read : state.dismissed).add(mark.data.itemId);
      continue;
    }
    const item = inboxItemSchema.safeParse(entry);
    if (item.success && !seen.has(item.data.id)) {
      seen.add(item.data.id);
      state.items.push(item.data);
    }
  }
  return state;
}

/** The marks to push for `ids`, skipping those already marked so: each device adds only what is new. */
export function newMarks(state: InboxState, ids: Iterable<string>, mark: InboxMark['mark'], at: string): InboxMark[] {
  const have = mark === 'read' ? state.read : state.dismissed;
  const known = new Set(state.items.map((item) => item.id));
  return [...new Set(ids)].filter((id) => known.has(id) && !have.has(id)).map((itemId) => ({ mark, itemId, at }));
}
