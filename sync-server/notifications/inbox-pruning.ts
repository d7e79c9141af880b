import { inboxItemSchema, inboxMarkSchema } from '../../common/contract/notifications.js';

/** How much an inbox keeps: what the learner dealt with for 90 days, and at most the newest 1,000 items. */
export interface InboxLimits {
  keepDays: number;
  maxItems: number;
}
export const INBOX_LIMITS: InboxLimits = { keepDays: 90, maxItems: 1_000 };

const DAY_MS = 86_400_000;

/**
 * The entries of an inbox document's array to delete (their indices, highest first, ready for `delete`):
 * items read or dismissed more than `keepDays` ago (by the item's own time), items beyond the newest
 * `maxItems`, and the read and dismissed marks of items no longer there (deleted now, or before: a device that
 * was offline marks an item the server had pruned meanwhile). An unread item younger than `keepDays`
 * is never deleted, however full the inbox is: the learner has not seen it. Entries neither schema knows (a
 * newer server's) are left alone. Pure: the server applies it to a Y.Doc and every device gets the deletions.
 */
export function inboxEntriesToPrune(entries: readonly unknown[], now: number, limits = INBOX_LIMITS): number[] {
  const cutoff = now - limits.keepDays * DAY_MS;
  const handled = new Set<string>();
  const marks: { index: number; itemId: string }[] = [];
  const items: { index: number; id: string; at: number }[] = [];
  for (const [index, entry] of entries.entries()) {
    const mark = inboxMarkSchema.safeParse(entry);
    if (mark.success) {
      handled.add(mark.data.itemId);
      marks.push({ index, itemId: mark.data.itemId });
      continue;
    }
    const item = inboxItemSchema.safeParse(entry);
    // An unreadable time counts as old: such an item can only be pruned once the learner dealt with it.
    if (item.success) items.push({ index, id: item.data.id, at: Date.parse(item.data.at) || 0 });
  }
  // Newest first by the items' own times (the array's order is not the order of delivery: each delivery is an
  // insert of its own, placed among concurrent ones by Yjs); a tie goes by that order, which every copy shares.
  // A repeated id (the same delivery written twice) is ranked once.
  const ranked = [...items].sort((a, b) => b.at - a.at || b.index - a.index);
  const rank = new Map<string, number>();
  for (const { id } of ranked) if (!rank.has(id)) rank.set(id, rank.size);

  const doomed = new Set<string>();
  for (const { id, at } of items) {
    const old = at < cutoff;
    const unreadAndYoung = !handled.has(id) && !old;
    if (!unreadAndYoung && ((old && handled.has(id)) || rank.get(id)! >= limits.maxItems)) doomed.add(id);
  }
  return [
    ...items.filter(({ id }) => doomed.has(id)).map(({ index }) => index),
    ...marks.filter(({ itemId }) => doomed.has(itemId) || !rank.has(itemId)).map(({ index }) => index),
  ].sort((a, b) => b - a);
}
