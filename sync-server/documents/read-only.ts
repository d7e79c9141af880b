import * as Y from 'yjs';

/** True when [clock, clock + len) lies inside one of `ranges` (sorted, adjacent ranges merged). */
function covered(ranges: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle]!;
    if (range.clock > clock) high = middle - 1;
    else if (range.clock + range.len <= clock) low = middle + 1;
    else return clock + len <= range.clock + range.len;
  }
  return false;
}

/**
 * Whether applying `update` would change `doc`. A reader's client answers our sync step 1 with a step 2
 * that carries nothing new but always its whole delete set; that is fine. Content the server lacks, or a
 * deletion it has not made, is a write. Throws when Yjs cannot decode the update.
 */
export function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  if (ds.clients.size === 0) return false;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, items] of ds.clients) {
    const have = deleted.clients.get(client) ?? [];
    if (items.some((item) => item.len > 0 && !covered(have, item.clock, item.len))) return true;
  }
  return false;
}
