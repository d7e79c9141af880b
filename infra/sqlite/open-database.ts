import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot open the database ${file}: ${reason}. The file was left as it is.`, { cause });
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Opens a SQLite file in WAL mode. `synchronous = FULL` because a learner's record must
 * survive a power cut, not only a crash of the app.
 */
export function openDatabase(file: string): SqliteDatabase {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Touches the header, so a file that is not a database fails here and not at the first query.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(file, error);
  }
}

/** SQLite's own verdict on a file: corrupt pages, a truncated file, or not a database at all. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) return true;
  return cause !== undefined && isDamage(cause);
}

/**
 * `PRAGMA quick_check`: every page, index order and record format, without the cross-checks of a
 * full integrity_check, so it stays quick enough to run at every start.
 */
export function findDamage(db: SqliteDatabase): string | null {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.length > 0 ? problems.join('; ') : null;
}
