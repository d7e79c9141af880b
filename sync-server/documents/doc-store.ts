import * as Y from 'yjs';
import type { SqlRunner, SqlStore } from '../storage/sql-store.js';
import { GroupCommitAppender } from './update-appender.js';
import type { UpdateAppender } from './update-appender.js';

/** What storage holds for one document: the snapshot (if any) first, then the updates in id order. */
export interface StoredDoc {
  updates: Uint8Array[];
  /** Update rows not yet folded into the snapshot. */
  rows: number;
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Folds stored updates into one state; a Y.Doc in between drops deleted content that a plain merge keeps. */
export function foldUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The documents' rows: `doc_updates` (one row per committed change) and `doc_snapshots` (the folded state
 * and the highest row id folded into it). Same SQL on SQLite and PostgreSQL.
 */
export class DocStore {
  constructor(
    private readonly store: SqlStore,
    private readonly now: () => number = Date.now,
    /** Told of each update once it is committed (the dashboard's projections); never before. */
    private readonly onCommitted?: (doc: string, update: Uint8Array) => void,
    /** Commits the update rows: by default a group commit on `store`; the server gives SQLite a worker thread. */
    readonly appender: UpdateAppender = new GroupCommitAppender(store),
  ) {}

  /**
   * Reads the update rows first, then the snapshot: a compaction between the two reads has folded those rows
   * into the newer snapshot, so nothing is missed (Yjs applies a repeated update as a no-op). Every
   * remaining row is read rather than only ids above `upto_id`: on PostgreSQL a row with a smaller id can
   * become visible after a compaction that did not see it, and it must not be skipped.
   */
  /** `runner`: a transaction in progress reads through it (SQLite's one connection is held by it). */
  async load(doc: string, runner: SqlRunner = this.store): Promise<StoredDoc> {
    const rows = await runner.all<{ data: Uint8Array }>('SELECT data FROM doc_updates WHERE doc = ? ORDER BY id', [
      doc,
    ]);
    const snapshot = await runner.get<{ data: Uint8Array }>('SELECT data FROM doc_snapshots WHERE doc = ?', [doc]);
    const updates = rows.map((row) => row.data);
    return { updates: snapshot ? [snapshot.data, ...updates] : updates, rows: rows.length };
  }

  /**
   * Resolves with the row id once the row is committed (SQLite's log on disk, PostgreSQL with fsync), in the
   * order of the calls (see UpdateAppender).
   */
  async append(doc: string, update: Uint8Array): Promise<number> {
    const data = asBuffer(update);
    const id = await this.appender.append(doc, data, this.now());
    this.onCommitted?.(doc, data);
    return id;
  }

  /**
   * Folds the snapshot and every visible update row into a new snapshot and deletes those rows, in ONE
   * transaction: a crash leaves either the old rows or the new snapshot. The state is read from storage in
   * that transaction, not taken from memory, because another instance may have committed rows this one has
   * not yet received. Returns the number of rows folded.
   */
  async compact(doc: string): Promise<number> {
    return this.store.transaction(async (tx) => {
      // One snapshot of the table for the reads and the delete: a row committed meanwhile stays.
      if (tx.dialect === 'postgres') await tx.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const rows = await tx.all<{ id: number; data: Uint8Array }>(
        'SELECT id, data FROM doc_updates WHERE doc = ? ORDER BY id',
        [doc],
      );
      const last = rows.at(-1);
      if (!last) return 0;
      const snapshot = await tx.get<{ data: Uint8Array }>('SELECT data FROM doc_snapshots WHERE doc = ?', [doc]);
      const state = foldUpdates([...(snapshot ? [snapshot.data] : []), ...rows.map((row) => row.data)]);
      await writeSnapshot(tx, doc, state, last.id, this.now());
      await tx.run('DELETE FROM doc_updates WHERE doc = ? AND id <= ?', [doc, last.id]);
      return rows.length;
    });
  }
}

function writeSnapshot(tx: SqlRunner, doc: string, state: Uint8Array, uptoId: number, at: number) {
  return tx.run(
    `INSERT INTO doc_snapshots (doc, data, upto_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc) DO UPDATE SET data = excluded.data, upto_id = excluded.upto_id, updated_at = excluded.updated_at`,
    [doc, asBuffer(state), uptoId, at],
  );
}
