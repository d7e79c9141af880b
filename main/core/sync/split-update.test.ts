import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { splitUpdate } from './split-update.js';
import { SYNC_ROOTS } from '../../../common/contract/sync-wire.js';

/** Two writers, map entries of a few hundred bytes, overwritten keys (deletions) and a text. */
function history(): Y.Doc {
  const doc = new Y.Doc();
  const other = new Y.Doc();
  for (let i = 0; i < 3000; i++) {
    const writer = i % 3 === 0 ? other : doc;
    writer
      .getMap(SYNC_ROOTS.progress.name)
      .set(`event-${i}`, { i, note: 'x'.repeat(200 + (i % 50)), skills: ['a', 'b'] });
    if (i % 100 === 0) writer.getMap(SYNC_ROOTS.prefs.name).set('theme', i % 200 === 0 ? 'dark' : 'light');
    if (i % 50 === 49) {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    }
  }
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
  doc.getText('notes').insert(0, 'hello world');
  doc.getText('notes').delete(0, 6);
  return doc;
}

describe('splitting an update for the server’s frame limit', () => {
  it('leaves an update under the limit whole', () => {
    const update = Y.encodeStateAsUpdate(history());
    const parts = splitUpdate(update, update.length);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toBe(update);
  });

  it('cuts a large one into parts under the limit that, applied in order, give the same document', () => {
    const source = history();
    const update = Y.encodeStateAsUpdate(source);
    const parts = splitUpdate(update, 64 * 1024);
    expect(parts.length).toBeGreaterThan(update.length / (64 * 1024));
    for (const part of parts) expect(part.length).toBeLessThan(64 * 1024 + 1024);

    const copy = new Y.Doc();
    for (const part of parts) Y.applyUpdate(copy, part);
    expect(copy.getMap(SYNC_ROOTS.progress.name).toJSON()).toEqual(source.getMap(SYNC_ROOTS.progress.name).toJSON());
    expect(copy.getMap(SYNC_ROOTS.prefs.name).get('theme')).toBe(source.getMap(SYNC_ROOTS.prefs.name).get('theme'));
    expect(copy.getText('notes').toString()).toBe('world');
    expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(source));
    // Nothing is missing: the copy has no structs waiting for others.
    expect(copy.store.pendingStructs).toBeNull();
  });

  it('cuts a diff that starts mid-way through a writer’s history', () => {
    const source = history();
    const server = new Y.Doc();
    const half = Y.encodeStateAsUpdate(source);
    Y.applyUpdate(server, splitUpdate(half, 64 * 1024)[0]!);
    const diff = Y.encodeStateAsUpdate(source, Y.encodeStateVector(server));
    for (const part of splitUpdate(diff, 32 * 1024)) Y.applyUpdate(server, part);
    expect(server.getMap(SYNC_ROOTS.progress.name).size).toBe(3000);
    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(source));
  });
});
