import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../../infra/sqlite/migrator.js';
import type { MigrationReport } from '../../../infra/sqlite/migrator.js';
import { openDatabase } from '../../../infra/sqlite/open-database.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { coreMigrations } from './migrations/index.js';

export const CORE_DATABASE_FILE = 'learn.db';

export function openCoreDatabase(dataDir: string): { db: SqliteDatabase; migration: MigrationReport } {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, CORE_DATABASE_FILE));
  try {
    return { db, migration: migrate(db, coreMigrations) };
  } catch (error) {
    db.close();
    throw error;
  }
}
