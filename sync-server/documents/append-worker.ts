// The worker thread that commits the documents' update rows on SQLite (see WorkerAppender): its own connection
// to the server's database file, one transaction for every row that arrived while the last one was being
// flushed, then the log flushed to disk, then one answer for the whole batch. Built to
// dist/sync-server/append-worker.js beside the server.
import { closeSync, fsyncSync, openSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface AppendWorkerData {
  /** The server's SQLite file, already migrated and in WAL mode. */
  file: string;
}

/** One update row, numbered from 1 in the order of the appends. */
export interface AppendRow {
  seq: number;
  doc: string;
  data: Uint8Array;
  at: number;
}

/** From the server: rows in the order of the appends, committed together; or the end. */
export type AppendRequest = { rows: AppendRow[] } | { close: true };

/** To the server: the rows up to `upTo` committed with these ids (in order), or failed; or closed. */
export type AppendReply = { upTo: number; ids: number[] } | { upTo: number; error: string } | { closed: true };

const port = parentPort!;
const { file } = workerData as AppendWorkerData;
lowerThreadPriority();
const db = new Database(file);
db.pragma('busy_timeout = 5000');
// The commit writes the log without flushing it; the flush comes after, outside the write lock, so the
// server's own connection never waits for a disk flush to take the lock (with FULL it would, for milliseconds).
db.pragma('synchronous = NORMAL');
const insert = db.prepare('INSERT INTO doc_updates (doc, data, created_at) VALUES (?, ?, ?)');
const insertAll = db.transaction((rows: AppendRow[]) =>
  rows.map(({ doc, data, at }) => {
    const blob = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return Number(insert.run(doc, blob, at).lastInsertRowid);
  }),
);
/** The log keeps its inode while the database is open (a checkpoint rewinds it, never replaces it). */
let wal: number | undefined;
let batch: AppendRow[] = [];

function commit() {
  const rows = batch;
  batch = [];
  if (rows.length === 0) return;
  const upTo = rows.at(-1)!.seq;
  let reply: AppendReply;
  try {
    const ids = insertAll.immediate(rows);
    wal ??= openSync(`${file}-wal`, 'r');
    fsyncSync(wal);
    reply = { upTo, ids };
  } catch (error) {
    reply = { upTo, error: (error as Error).message };
  }
  port.postMessage(reply);
}

port.on('message', (request: AppendRequest) => {
  if ('close' in request) {
    commit();
    db.close();
    if (wal !== undefined) closeSync(wal);
    port.postMessage({ closed: true } satisfies AppendReply);
    port.close();
    return;
  }
  const first = batch.length === 0;
  for (const row of request.rows) batch.push(row);
  // After every message already waiting: those that came during the last flush share this commit.
  if (first) setImmediate(commit);
});

/**
 * This thread yields the CPU to the event loop's relays and to whatever else the machine runs: on two cores its
 * commits competed with them, and a relay waiting for a core costs a receiver more than a commit waiting costs a
 * sender (its ack only confirms what it keeps anyway). In bench/sync, with the 8 ms commit window, the relay's
 * median went from 6% over y-websocket's to level with it. Linux gives each thread its own niceness, set by its
 * thread id; elsewhere, or where it is not allowed, the thread keeps the process's priority.
 */
function lowerThreadPriority() {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
  } catch {
    // Not Linux, or not permitted: nothing is lost but the yielding.
  }
}
