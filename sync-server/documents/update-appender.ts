import type { SqlRunner, SqlStore } from '../storage/sql-store.js';

/**
 * Where a document's update rows are committed. Each append resolves with the row's id once the row is durable
 * (SQLite's log flushed, PostgreSQL's commit), and appends commit in the order they were made: a row never
 * commits after one appended later, and a failure is reported before any later append resolves. Rooms rely
 * on it, acknowledging a state that includes every earlier row.
 */
export interface UpdateAppender {
  append(doc: string, data: Buffer, at: number): Promise<number>;
  /** Waits for the appends made so far, then lets go of what it holds (a worker); call it once, last. */
  close(): Promise<void>;
}

interface PendingRow {
  doc: string;
  data: Buffer;
  at: number;
  resolve(id: number): void;
  reject(error: unknown): void;
}

const INSERT = 'INSERT INTO doc_updates (doc, data, created_at) VALUES (?, ?, ?) RETURNING id';

/**
 * Group commit on the server's own connection: the appends made while one commit runs share the next
 * transaction, so one flush to disk covers them all. One commit each made the disk's flush rate (about 250 a
 * second here) the server's ceiling, and under load every socket queued behind it (bench/sync). One commit at
 * a time keeps the order on PostgreSQL too, whose pool could otherwise commit two transactions either way.
 */
export class GroupCommitAppender implements UpdateAppender {
  private pending: PendingRow[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly store: SqlStore) {}

  append(doc: string, data: Buffer, at: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ doc, data, at, resolve, reject });
      // The first row of a turn waits for the turn's others; a row during a commit waits for it to end.
      if (this.pending.length === 1 && !this.running) setImmediate(() => this.next());
    });
  }

  private next() {
    if (this.running || this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.running = this.commit(rows).finally(() => {
      this.running = undefined;
      this.next();
    });
  }

  private async commit(rows: PendingRow[]) {
    const insert = async (runner: SqlRunner, { doc, data, at }: PendingRow) =>
      (await runner.get<{ id: number }>(INSERT, [doc, data, at]))!.id;
    try {
      // A lone row commits by itself: no BEGIN and COMMIT round trips.
      const ids =
        rows.length === 1
          ? [await insert(this.store, rows[0]!)]
          : await this.store.transaction(async (tx) => {
              const inserted: number[] = [];
              for (const row of rows) inserted.push(await insert(tx, row));
              return inserted;
            });
      rows.forEach((row, i) => row.resolve(ids[i]!));
    } catch (error) {
      for (const row of rows) row.reject(error);
    }
  }

  async close() {
    while (this.running || this.pending.length > 0) {
      this.next();
      await this.running;
    }
  }
}
