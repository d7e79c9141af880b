import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../infra/sqlite/open-database.js';
import { migrateStore } from './migrate-store.js';
import type { StoreMigration } from './migrate-store.js';
import { PostgresStore } from './postgres-store.js';
import { serverSchema } from './server-schema.js';
import type { SqlStore } from './sql-store.js';
import { SqliteStore } from './sqlite-store.js';

export const SERVER_DATABASE_FILE = 'sync.db';

export interface StorageOptions {
  /** Holds sync.db when no database URL is given. */
  dataDir: string;
  /** postgres://… (or postgresql://…) selects PostgreSQL, which several instances can share. */
  databaseUrl?: string;
}

/** The server's store, migrated to the schema this server knows; closed again when migrating fails. */
export async function openServerStore({
  dataDir,
  databaseUrl,
}: StorageOptions): Promise<{ store: SqlStore; migration: StoreMigration }> {
  let store: SqlStore;
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new Error('--database-url must be a postgres:// URL; without it the server keeps SQLite in --data-dir.');
    }
    store = new PostgresStore(databaseUrl);
  } else {
    mkdirSync(dataDir, { recursive: true });
    store = new SqliteStore(openDatabase(join(dataDir, SERVER_DATABASE_FILE)));
  }
  try {
    return { store, migration: await migrateStore(store, serverSchema) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
