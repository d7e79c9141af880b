import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

export interface StoredAdminPassword {
  hash: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

/** The machine admin's password row (migration 0100): the hash and its lock-out, never the password. */
export class AdminPasswordStore {
  constructor(private readonly db: SqliteDatabase) {}

  get(): StoredAdminPassword | undefined {
    return this.db
      .prepare<[], StoredAdminPassword>(
        'SELECT password_hash AS hash, failed_attempts AS failedAttempts, locked_until AS lockedUntil FROM machine_admin WHERE id = 1',
      )
      .get();
  }

  /** A new password clears the lock-out: whoever set it has proved themselves. */
  set(hash: string, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO machine_admin (id, password_hash, failed_attempts, locked_until, set_at) VALUES (1, ?, 0, NULL, ?)
         ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0,
           locked_until = NULL, set_at = excluded.set_at`,
      )
      .run(hash, at.toISOString());
  }

  recordAttempt(failedAttempts: number, lockedUntil: string | null): void {
    this.db
      .prepare('UPDATE machine_admin SET failed_attempts = ?, locked_until = ? WHERE id = 1')
      .run(failedAttempts, lockedUntil);
  }
}
