import { join } from 'node:path';
import { openDatabase } from '../../infra/sqlite/open-database.js';
import { migrateStore } from './migrate-store.js';
import type { StoreMigration } from './migrate-store.js';
import { PostgresStore } from './postgres-store.js';
import { createPrivateFile, makePrivateDir } from './private-files.js';
import { serverSchema } from './server-schema.js';
import type { SqlStore } from './sql-store.js';
import { SqliteStore } from './sqlite-store.js';

export const SERVER_DATABASE_FILE = 'sync.db';
/** The database and the files SQLite keeps beside it while it is open (or after a crash): all owner-only. */
export const SERVER_DATABASE_FILES = ['', '-wal', '-shm', '-journal'].map((suffix) => SERVER_DATABASE_FILE + suffix);

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
    makePrivateDir(dataDir);
    const file = join(dataDir, SERVER_DATABASE_FILE);
    // SQLite would create it with its default 644; password hashes and every learner's documents live here.
    createPrivateFile(file);
    store = new SqliteStore(openDatabase(file));
  }
  try {
    return { store, migration: await migrateStore(store, serverSchema) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
