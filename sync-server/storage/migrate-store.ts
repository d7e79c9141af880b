import { ADVISORY_LOCKS } from './advisory-locks.js';
import { forDialect } from './sql-store.js';
import type { ServerMigration, SqlStore } from './sql-store.js';

export interface StoreMigration {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Applies the missing steps, each in its own transaction with its version row. On PostgreSQL an advisory
 * lock keeps two instances starting together from both applying a step.
 */
export async function migrateStore(store: SqlStore, steps: readonly ServerMigration[]): Promise<StoreMigration> {
  return store.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.run(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.migrations})`);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const row = await tx.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_versions');
    const from = row?.v ?? 0;
    const known = steps.at(-1)?.version ?? 0;
    if (from > known) {
      throw new Error(
        `The server database has schema version ${from}, newer than this server knows (${known}). ` +
          'Update the server; the database was not changed.',
      );
    }
    const applied: number[] = [];
    for (const step of steps) {
      if (step.version <= from) continue;
      for (const statement of forDialect(tx.dialect, step.sql).split(/;\s*\n/)) {
        if (statement.trim()) await tx.run(statement);
      }
      await tx.run('INSERT INTO schema_versions (version, name) VALUES (?, ?)', [step.version, step.name]);
      applied.push(step.version);
    }
    return { from, to: applied.at(-1) ?? from, applied };
  });
}
