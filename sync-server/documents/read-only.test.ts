import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { wouldChange } from './read-only.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';

function served() {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, 'abcdefgh');
  doc.getText('body').delete(2, 3);
  doc.getMap(SYNC_ROOTS.notes.name).set('k', 'v');
  doc.getMap(SYNC_ROOTS.notes.name).delete('k');
  return doc;
}

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

const nextUpdate = (doc: Y.Doc, change: () => void) => {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  change();
  return update;
};

describe('wouldChange', () => {
  it('is false for what a reader sends back: its whole state or an empty update', () => {
    const doc = served();
    const reader = copyOf(doc);
    expect(wouldChange(doc, Y.encodeStateAsUpdate(reader))).toBe(false);
    expect(wouldChange(doc, Y.encodeStateAsUpdate(reader, Y.encodeStateVector(doc)))).toBe(false);
    expect(wouldChange(doc, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
  });

  it('is true for new content, a new deletion, or a deletion of content the server lacks', () => {
    const doc = served();
    const inserting = copyOf(doc);
    expect(
      wouldChange(
        doc,
        nextUpdate(inserting, () => inserting.getText('body').insert(0, 'x')),
      ),
    ).toBe(true);
    const deleting = copyOf(doc);
    expect(
      wouldChange(
        doc,
        nextUpdate(deleting, () => deleting.getText('body').delete(0, 1)),
      ),
    ).toBe(true);
    // Deletes a range that straddles one the server deleted and one it did not.
    const straddling = copyOf(doc);
    expect(
      wouldChange(
        doc,
        nextUpdate(straddling, () => straddling.getText('body').delete(1, 2)),
      ),
    ).toBe(true);

    const elsewhere = new Y.Doc();
    elsewhere.getText('body').insert(0, 'zz');
    const unknown = nextUpdate(elsewhere, () => elsewhere.getText('body').delete(0, 1));
    expect(wouldChange(doc, unknown)).toBe(true);
  });

  it('throws on bytes Yjs cannot decode', () => {
    expect(() => wouldChange(served(), Uint8Array.of(1, 1, 0xff, 0xff, 0xff))).toThrow();
  });
});
