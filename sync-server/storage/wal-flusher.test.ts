import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../infra/sqlite/open-database.js';
import { SqliteStore } from './sqlite-store.js';
import { WalFlusher } from './wal-flusher.js';

/** A disk whose flushes finish only when the test says so. */
function slowDisk() {
  const flushes: (() => void)[] = [];
  return {
    flushes,
    sync: () => new Promise<void>((resolve) => flushes.push(resolve)),
    finish: async (index: number) => {
      flushes[index]!();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const settled = (promise: Promise<unknown>) => {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
};

let store: SqliteStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function storeOn(sync: (fd: number) => Promise<void>) {
  const file = join(mkdtempSync(join(tmpdir(), 'wal-')), 'sync.db');
  store = new SqliteStore(openDatabase(file), new WalFlusher(`${file}-wal`, sync));
  return store;
}

describe('SqliteStore durability', () => {
  it('resolves a write only after a log flush that started after it; writes meanwhile share the next flush', async () => {
    const disk = slowDisk();
    const db = storeOn(disk.sync);
    const created = db.run('CREATE TABLE t (v INTEGER)');
    await new Promise((resolve) => setImmediate(resolve));
    await disk.finish(0);
    await created;

    const first = settled(db.run('INSERT INTO t VALUES (1)'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(disk.flushes).toHaveLength(2);
    const second = settled(db.run('INSERT INTO t VALUES (2)'));
    const third = settled(db.transaction((tx) => tx.run('INSERT INTO t VALUES (3)')));
    await new Promise((resolve) => setImmediate(resolve));
    expect([first.done, second.done, third.done]).toEqual([false, false, false]);

    await disk.finish(1);
    expect([first.done, second.done, third.done]).toEqual([true, false, false]);
    expect(disk.flushes).toHaveLength(3);
    await disk.finish(2);
    expect([second.done, third.done]).toEqual([true, true]);
    expect(disk.flushes).toHaveLength(3);
  });

  it('does not flush for reads', async () => {
    const disk = slowDisk();
    const db = storeOn(disk.sync);
    expect(await db.get<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
    expect(await db.all('SELECT name FROM sqlite_schema')).toEqual([]);
    expect(disk.flushes).toHaveLength(0);
  });

  it('commits only the log and keeps what was written across a reopen', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wal-')), 'sync.db');
    store = new SqliteStore(openDatabase(file));
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: the flusher does the fsync
    await store.run('CREATE TABLE t (v INTEGER)');
    await Promise.all([1, 2, 3].map((v) => store!.run('INSERT INTO t VALUES (?)', [v])));
    await store.close();
    store = new SqliteStore(openDatabase(file));
    expect(await store.all('SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }, { v: 2 }, { v: 3 }]);
  });
});
