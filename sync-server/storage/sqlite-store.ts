import type { SqliteDatabase } from '../../infra/sqlite/open-database.js';
import type { SqlRunner, SqlStore } from './sql-store.js';

/**
 * better-sqlite3 is synchronous, so an async transaction holds the one connection for its whole
 * duration: transactions queue behind each other, and plain statements wait for the open one.
 */
export class SqliteStore implements SqlStore {
  readonly dialect = 'sqlite' as const;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly db: SqliteDatabase) {}

  private runner(): SqlRunner {
    const { db } = this;
    return {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).all(...params) as T[],
      get: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).get(...params) as T | undefined,
      run: async (sql: string, params: readonly unknown[] = []) => ({
        changes: db.prepare(sql).run(...params).changes,
      }),
    };
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  all<T>(sql: string, params?: readonly unknown[]) {
    return this.serial(() => this.runner().all<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly unknown[]) {
    return this.serial(() => this.runner().get<T>(sql, params));
  }
  run(sql: string, params?: readonly unknown[]) {
    return this.serial(() => this.runner().run(sql, params));
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.runner());
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
    this.db.close();
  }
}
