import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../../common/contract/app-info.js';
import { migrate } from '../../../infra/sqlite/migrator.js';
import type { MigrationReport } from '../../../infra/sqlite/migrator.js';
import { findDamage, isDamage, openDatabase } from '../../../infra/sqlite/open-database.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { coreMigrations } from './migrations/index.js';

export const CORE_DATABASE_FILE = 'learn.db';

export type DamageReport = { reason: string; keptAs: string };

export interface OpenedCoreDatabase {
  db: SqliteDatabase;
  migration: MigrationReport;
  /** The damaged file that was moved aside, for the caller to salvage from and to report. */
  damaged: DamageReport | null;
}

export type Recovery = NonNullable<AppInfo['recovery']>;

function openChecked(file: string): { db: SqliteDatabase; migration: MigrationReport } {
  const db = openDatabase(file);
  try {
    const damage = findDamage(db);
    if (damage) throw Object.assign(new Error(damage), { code: 'SQLITE_CORRUPT' });
    return { db, migration: migrate(db, coreMigrations) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens (and migrates) the core database. A damaged file is never repaired in place nor deleted:
 * it and its WAL are renamed aside with a timestamp, and a fresh database takes its place.
 * Any other failure (a newer schema, a locked or unreadable file) stops the start with its error.
 */
export function openCoreDatabase(dataDir: string, now: () => Date = () => new Date()): OpenedCoreDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, CORE_DATABASE_FILE);
  try {
    return { ...openChecked(file), damaged: null };
  } catch (error) {
    if (!isDamage(error)) throw error;
    const keptAs = `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, keptAs + suffix);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { ...openChecked(file), damaged: { reason, keptAs } };
  }
}
