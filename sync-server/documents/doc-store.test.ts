import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pgRedisAvailable, startPostgres } from '../../tests/support/pg-redis.js';
import type { Postgres } from '../../tests/support/pg-redis.js';
import { openServerStore } from '../storage/open-server-store.js';
import type { SqlRunner, SqlStore } from '../storage/sql-store.js';
import { DocStore } from './doc-store.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';

/** A learner's edits, one update each, as a client would send them. */
function edits(count: number) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) {
    doc.getMap(SYNC_ROOTS.notes.name).set(`n${i % 7}`, i);
    doc.getText('body').insert(0, `${i} `);
    if (i % 3 === 0) doc.getText('body').delete(0, 1);
  }
  return { doc, updates };
}

const contentOf = (updates: readonly Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return {
    notes: doc.getMap(SYNC_ROOTS.notes.name).toJSON(),
    body: doc.getText('body').toString(),
    sv: Y.encodeStateVector(doc),
  };
};

const count = async (store: SqlStore, doc: string) =>
  (await store.get<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc = ?', [doc]))!.n;

let postgres: Postgres | undefined;
beforeAll(async () => {
  if (pgRedisAvailable) postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

const dialects = [
  ['SQLite', () => ({ dataDir: mkdtempSync(join(tmpdir(), 'doc-store-')) })],
  ['PostgreSQL', () => ({ dataDir: '', databaseUrl: postgres!.url })],
] as const;

describe.each(dialects)('DocStore on %s', (dialect, storage) => {
  let store: SqlStore;
  beforeAll(async () => {
    if (dialect === 'PostgreSQL' && !postgres) return;
    ({ store } = await openServerStore(storage()));
  });
  afterAll(() => store?.close());
  const test = dialect === 'PostgreSQL' && !pgRedisAvailable ? it.skip : it;
  let n = 0;
  const name = () => `u/00000000-0000-4000-8000-00000000000${n++}/notes`;

  test('loads what was appended, in order, and only that document', async () => {
    const doc = name();
    const { doc: source, updates } = edits(10);
    const docs = new DocStore(store);
    for (const update of updates) await docs.append(doc, update);
    await docs.append(name(), updates[0]!);
    const loaded = await docs.load(doc);
    expect(loaded.rows).toBe(updates.length);
    expect(loaded.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      updates.map((u) => Buffer.from(u).toString('hex')),
    );
    expect(contentOf(loaded.updates).body).toBe(source.getText('body').toString());
  });

  test('compaction keeps the state, folds the rows into the snapshot and records upto_id', async () => {
    const docs = new DocStore(store);
    const doc = name();
    const { updates } = edits(40);
    for (const update of updates.slice(0, 25)) await docs.append(doc, update);
    const before = contentOf((await docs.load(doc)).updates);

    expect(await docs.compact(doc)).toBe(25);
    expect(await count(store, doc)).toBe(0);
    const after = await docs.load(doc);
    expect(after).toMatchObject({ rows: 0 });
    expect(after.updates).toHaveLength(1);
    expect(contentOf(after.updates)).toEqual(before);

    // Later rows come after the snapshot; a second compaction folds them in too.
    let last = 0;
    const later = updates.slice(25);
    for (const update of later) last = await docs.append(doc, update);
    expect(contentOf((await docs.load(doc)).updates)).toEqual(contentOf(updates));
    expect(await docs.compact(doc)).toBe(later.length);
    expect(contentOf((await docs.load(doc)).updates)).toEqual(contentOf(updates));
    expect(await store.get('SELECT upto_id FROM doc_snapshots WHERE doc = ?', [doc])).toEqual({ upto_id: last });
    expect(await docs.compact(doc)).toBe(0);
  });

  test('compaction is one transaction: a failed delete leaves the old snapshot and every row', async () => {
    const doc = name();
    const { updates } = edits(12);
    const docs = new DocStore(store);
    for (const update of updates.slice(0, 6)) await docs.append(doc, update);
    await docs.compact(doc);
    for (const update of updates.slice(6)) await docs.append(doc, update);
    const snapshot = await store.get('SELECT data, upto_id FROM doc_snapshots WHERE doc = ?', [doc]);

    const failingDelete: SqlStore = Object.assign(Object.create(store) as SqlStore, {
      transaction: <T>(work: (tx: SqlRunner) => Promise<T>) =>
        store.transaction((tx) =>
          work({
            ...tx,
            dialect: tx.dialect,
            all: tx.all.bind(tx),
            get: tx.get.bind(tx),
            run: (sql: string, params?: readonly unknown[]) =>
              sql.startsWith('DELETE') ? Promise.reject(new Error('disk full')) : tx.run(sql, params),
          }),
        ),
    });
    await expect(new DocStore(failingDelete).compact(doc)).rejects.toThrow('disk full');
    expect(await store.get('SELECT data, upto_id FROM doc_snapshots WHERE doc = ?', [doc])).toEqual(snapshot);
    expect(await count(store, doc)).toBe(updates.length - 6);
    expect(contentOf((await docs.load(doc)).updates)).toEqual(contentOf(updates));
  });

  test('updates appended while a compaction runs are all kept', async () => {
    const docs = new DocStore(store);
    const doc = name();
    const { updates } = edits(60);
    for (const update of updates.slice(0, 30)) await docs.append(doc, update);
    const rest = updates.slice(30);
    await Promise.all([
      // Two compactions may collide on PostgreSQL (serialization failure): the loser retries later, as in the room.
      docs.compact(doc).catch(() => 0),
      (async () => {
        for (const update of rest.slice(0, 15)) await docs.append(doc, update);
      })(),
      docs.compact(doc).catch(() => 0),
      Promise.all(rest.slice(15).map((update) => docs.append(doc, update))),
    ]);
    expect(contentOf((await docs.load(doc)).updates)).toEqual(contentOf(updates));
    await docs.compact(doc);
    expect(contentOf((await docs.load(doc)).updates)).toEqual(contentOf(updates));
  });
});
