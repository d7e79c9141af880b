import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** What a pack id is pinned to: a key id, or APP_SIGNER for a pack shipped with the app. */
export const APP_SIGNER = 'app';

/** The signing key each pack id was first installed with (table pack_signers). */
export class SignerPins {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date,
  ) {}

  get(packId: string): string | undefined {
    return this.db
      .prepare<[string], { keyId: string }>('SELECT key_id AS keyId FROM pack_signers WHERE pack_id = ?')
      .get(packId)?.keyId;
  }

  /** Pins (or re-pins) a pack id; call inside the install's transaction. */
  set(packId: string, keyId: string): void {
    this.db
      .prepare(
        `INSERT INTO pack_signers (pack_id, key_id, pinned_at) VALUES (?, ?, ?)
         ON CONFLICT (pack_id) DO UPDATE SET key_id = excluded.key_id, pinned_at = excluded.pinned_at`,
      )
      .run(packId, keyId, this.now().toISOString());
  }

  remove(packId: string): void {
    this.db.prepare('DELETE FROM pack_signers WHERE pack_id = ?').run(packId);
  }
}
