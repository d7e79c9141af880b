import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServerStore } from '../storage/open-server-store.js';
import type { SqlStore } from '../storage/sql-store.js';
import { SqliteStore } from '../storage/sqlite-store.js';
import { appendWorkerScript } from '../testing/append-worker-script.js';
import { DocStore } from './doc-store.js';
import { docA, docB, noteEdits as edits } from '../testing/note-edits.js';
import { WorkerAppender } from './worker-appender.js';

const hex = (updates: Uint8Array[]) => updates.map((u) => Buffer.from(u).toString('hex'));
const rowIds = async (store: SqlStore) =>
  (await store.all<{ id: number }>('SELECT id FROM doc_updates ORDER BY id')).map((row) => row.id);

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function open() {
  const dataDir = mkdtempSync(join(tmpdir(), 'append-worker-'));
  const { store } = await openServerStore({ dataDir });
  if (!(store instanceof SqliteStore)) throw new Error('expected SQLite');
  const appender = new WorkerAppender(await appendWorkerScript(), store.db.name);
  const committed: string[] = [];
  const docs = new DocStore(store, undefined, (doc) => committed.push(doc), appender);
  cleanup = async () => {
    await appender.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { store, appender, docs, committed };
}

/** The niceness of each of this process's threads (Linux): field 19 of /proc/self/task/TID/stat. */
const threadNiceness = () =>
  readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });

describe('WorkerAppender (update rows committed in a worker thread)', () => {
  it.runIf(existsSync('/proc/thread-self'))('commits on a thread that yields the CPU to the event loop', async () => {
    const mine = getPriority();
    const before = threadNiceness().filter((nice) => nice === 10).length;
    const { docs } = await open();
    await docs.append(docA, edits(1)[0]!);
    // One more thread at niceness 10 (the worker), and this one, the event loop's, still at the process's.
    expect(threadNiceness().filter((nice) => nice === 10).length).toBe(before + 1);
    expect(getPriority()).toBe(mine);
  });

  it('commits appends in call order, each its own row, readable by the server at once', async () => {
    const { store, docs, committed } = await open();
    const a = edits(30);
    const b = edits(30);
    // Half now, half while the first are being committed: the worker takes those as a later batch.
    const first = a.slice(0, 15).flatMap((update, i) => [docs.append(docA, update), docs.append(docB, b[i]!)]);
    await new Promise((done) => setImmediate(done));
    const second = a.slice(15).flatMap((update, i) => [docs.append(docA, update), docs.append(docB, b[15 + i]!)]);
    const ids = await Promise.all([...first, ...second]);

    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(60);
    expect(await rowIds(store)).toEqual(ids);
    expect(committed).toEqual(ids.map((_, i) => (i % 2 === 0 ? docA : docB)));
    expect(hex((await docs.load(docA)).updates)).toEqual(hex(a));
    expect(hex((await docs.load(docB)).updates)).toEqual(hex(b));
  });

  it('resolves no later append before an earlier one', async () => {
    const { docs } = await open();
    const order: number[] = [];
    await Promise.all(edits(40).map((update, i) => docs.append(i % 2 ? docA : docB, update).then(() => order.push(i))));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('rejects the rows of a batch that failed, stores none of them, and commits the next batch', async () => {
    const { store, appender, docs } = await open();
    const [good, other, later] = edits(3);
    const batch = [
      docs.append(docA, good!),
      // NOT NULL fails in the worker's transaction, which rolls back the whole batch.
      appender.append(null as unknown as string, Buffer.from(other!), Date.now()),
    ];
    const results = await Promise.allSettled(batch);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
    expect(await rowIds(store)).toEqual([]);

    await docs.append(docA, later!);
    expect((await rowIds(store)).length).toBe(1);
  });

  it('waits for the rows it was given before closing, and refuses rows after', async () => {
    const { store, appender, docs } = await open();
    const pending = edits(10).map((update) => docs.append(docA, update));
    await appender.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(10);
    expect((await rowIds(store)).length).toBe(10);
    await expect(docs.append(docA, edits(1)[0]!)).rejects.toThrow(/closed/);
  });
});
