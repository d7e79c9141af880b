import type { SqliteDatabase } from '../../infra/sqlite/open-database.js';
import type { Statement } from 'better-sqlite3';
import type { SqlRunner, SqlStore } from './sql-store.js';
import { WalFlusher } from './wal-flusher.js';

/**
 * better-sqlite3 is synchronous, so an async transaction holds the one connection for its whole
 * duration: transactions queue behind each other, and plain statements wait for the open one.
 * Durability as with `synchronous = FULL`, without its blocking fsync: a commit only writes the log, and
 * a call that wrote resolves once the WalFlusher has flushed the log to disk. Another reader may see a
 * row a few milliseconds before it is on disk; nobody is told it was stored before it is.
 */
/** Statements kept compiled; beyond this many distinct SQL texts (lists of `?` built per call) the oldest go. */
const CACHED_STATEMENTS = 256;

export class SqliteStore implements SqlStore {
  readonly dialect = 'sqlite' as const;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Compiled statements by SQL text: compiling one took 20 us against 6 us to run it, on every call (each
   * document update's INSERT among them).
   */
  private readonly statements = new Map<string, Statement>();

  constructor(
    readonly db: SqliteDatabase,
    private readonly wal = new WalFlusher(`${db.name}-wal`),
  ) {
    db.pragma('synchronous = NORMAL');
  }

  private runner(onWrite: () => void): SqlRunner {
    const prepare = (sql: string) => {
      const statement = this.statement(sql);
      if (!statement.readonly) onWrite();
      return statement;
    };
    return {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: readonly unknown[] = []) => prepare(sql).all(...params) as T[],
      get: async <T>(sql: string, params: readonly unknown[] = []) => prepare(sql).get(...params) as T | undefined,
      run: async (sql: string, params: readonly unknown[] = []) => ({ changes: prepare(sql).run(...params).changes }),
    };
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= CACHED_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `use` in the queue and, if it wrote, waits for the log to be on disk (outside the queue). */
  private async durably<T>(use: (runner: SqlRunner) => Promise<T>): Promise<T> {
    let wrote = false;
    const result = await this.serial(() => use(this.runner(() => (wrote = true))));
    if (wrote) await this.wal.flush();
    return result;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  all<T>(sql: string, params?: readonly unknown[]) {
    return this.durably((runner) => runner.all<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly unknown[]) {
    return this.durably((runner) => runner.get<T>(sql, params));
  }
  run(sql: string, params?: readonly unknown[]) {
    return this.durably((runner) => runner.run(sql, params));
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.durably(async (runner) => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(runner);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async ping() {
    await this.get('SELECT 1');
  }

  async close() {
    await this.queue;
    await this.wal.close();
    this.db.close();
  }
}
