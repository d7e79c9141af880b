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
