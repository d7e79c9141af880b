import pg from 'pg';
import type { PoolClient, QueryResultRow } from 'pg';
import type { SqlRunner, SqlStore } from './sql-store.js';

// BIGINT columns hold millisecond times and ids well inside 2^53: numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** `?` placeholders become `$1..$n`; our SQL never has a literal `?` inside strings. */
export function toPositional(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function runnerOn(client: pg.Pool | PoolClient): SqlRunner {
  const query = <T extends QueryResultRow>(sql: string, params: readonly unknown[] = []) =>
    client.query<T>(toPositional(sql), params as unknown[]);
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: readonly unknown[]) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}

export class PostgresStore implements SqlStore {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly direct: SqlRunner;

  constructor(connectionString: string, max = 10) {
    this.pool = new pg.Pool({ connectionString, max });
    // An idle client losing its server is reported here; the next query gets a fresh one.
    this.pool.on('error', () => undefined);
    this.direct = runnerOn(this.pool);
  }

  all<T>(sql: string, params?: readonly unknown[]) {
    return this.direct.all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly unknown[]) {
    return this.direct.get<T>(sql, params);
  }
  run(sql: string, params?: readonly unknown[]) {
    return this.direct.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(runnerOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async ping() {
    await this.pool.query('SELECT 1');
  }

  async close() {
    await this.pool.end();
  }
}
