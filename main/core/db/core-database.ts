import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
  /** Call after closing the database, so the next start can skip the full page check. */
  markClosed(): void;
}

export type Recovery = NonNullable<AppInfo['recovery']>;

/** Below this size a full page check at start costs well under a tenth of a second. */
const ALWAYS_CHECK_BYTES = 64 * 1024 * 1024;

/** The header's own page count against the file's length: a cut-short copy shows at once, at any size. */
function truncation(file: string): string | null {
  if (!existsSync(file)) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return 'the file is shorter than a database header';
  } finally {
    closeSync(fd);
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // The header count is only valid when it was written with the current change counter.
  if (header.readUInt32BE(92) !== header.readUInt32BE(24) || pages === 0) return null;
  const size = statSync(file).size;
  return size < pages * pageSize ? `the file holds ${size} bytes of the ${pages * pageSize} its header promises` : null;
}

function openChecked(file: string, thorough: boolean): { db: SqliteDatabase; migration: MigrationReport } {
  const cut = truncation(file);
  if (cut) throw Object.assign(new Error(cut), { code: 'SQLITE_CORRUPT' });
  const db = openDatabase(file);
  try {
    const damage = thorough ? findDamage(db) : null;
    if (damage) throw Object.assign(new Error(damage), { code: 'SQLITE_CORRUPT' });
    return { db, migration: migrate(db, coreMigrations) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens (and migrates) the core database. A damaged file is never repaired in place nor deleted:
 * it and its WAL are renamed aside with a timestamp, and a fresh database takes its place. Every
 * page is checked at start when the file is small or the last run did not close cleanly.
 * Any other failure (a newer schema, a locked or unreadable file) stops the start with its error.
 */
export function openCoreDatabase(dataDir: string, now: () => Date = () => new Date()): OpenedCoreDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, CORE_DATABASE_FILE);
  // Present while the app runs; found at start, it means the last run did not close cleanly.
  const marker = `${file}.open`;
  const thorough = existsSync(marker) || !existsSync(file) || statSync(file).size < ALWAYS_CHECK_BYTES;
  writeFileSync(marker, String(process.pid));
  try {
    return { ...openChecked(file, thorough), damaged: null, markClosed: () => rmSync(marker, { force: true }) };
  } catch (error) {
    if (!isDamage(error)) throw error;
    const keptAs = `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, keptAs + suffix);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...openChecked(file, true),
      damaged: { reason, keptAs },
      markClosed: () => rmSync(marker, { force: true }),
    };
  }
}
