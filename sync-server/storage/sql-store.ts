/**
 * The server's storage seam: one repository code over SQLite (default, one file) and PostgreSQL (many
 * instances). Statements use `?` placeholders and the SQL both dialects share (ON CONFLICT, RETURNING);
 * where they differ the caller branches on `dialect`.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface SqlRunner {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
}

export interface SqlStore extends SqlRunner {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Cheap round trip for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A schema step; numbered in steps of 10 like the app's migrations. */
export interface ServerMigration {
  version: number;
  name: string;
  /** SQLite DDL using only INTEGER, TEXT and BLOB columns, which `forDialect` maps for PostgreSQL. */
  sql: string;
}

/** Millisecond times and ids need 64 bits in PostgreSQL; an autoincrement key is a BIGSERIAL there. */
export function forDialect(dialect: Dialect, sql: string): string {
  if (dialect === 'sqlite') return sql;
  return sql
    .replace(/\bINTEGER PRIMARY KEY AUTOINCREMENT\b/g, 'BIGSERIAL PRIMARY KEY')
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bBLOB\b/g, 'BYTEA');
}
