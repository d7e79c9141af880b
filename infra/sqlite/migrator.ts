import type { SqliteDatabase } from './open-database.js';

export interface Migration {
  /** Numbered in steps of 10 so a fix can slot in between. */
  version: number;
  name: string;
  sql: string;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
    file: string,
  ) {
    super(
      `The database ${file} has schema version ${found}, written by a newer version of this program ` +
        `(this one knows up to ${known}). Update the program, or point it at another data folder; ` +
        `the database was not changed.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

function checkLadder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version <= 0)
      throw new Error(`Migration ${m.name}: bad version ${m.version}`);
    const previous = migrations[i - 1];
    if (previous && previous.version >= m.version) {
      throw new Error(`Migrations out of order: ${previous.version} then ${m.version}`);
    }
  });
}

/** Applies every migration newer than the database, each in its own transaction. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): MigrationReport {
  checkLadder(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  const from = row.v ?? 0;
  const known = migrations.at(-1)?.version ?? 0;
  if (from > known) throw new SchemaTooNewError(from, known, db.name);

  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: string[] = [];
  for (const m of migrations.filter((x) => x.version > from)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(`${m.version}-${m.name}`);
  }
  return { from, to: Math.max(from, known), applied };
}
