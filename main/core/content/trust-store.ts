import { keyIdOf } from '../../../content-packs/format/signing.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { TrustedKey } from '../../../common/contract/packs.js';

/** The public keys whose packs this machine installs. Admins add and remove them. */
export class TrustStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date,
  ) {}

  list(): TrustedKey[] {
    return this.db
      .prepare<[], TrustedKey>('SELECT key_id AS keyId, label, added_at AS addedAt FROM trusted_keys ORDER BY added_at')
      .all();
  }

  /** Keys by id, as the archive reader wants them. */
  keys(): Map<string, string> {
    const rows = this.db
      .prepare<[], { key_id: string; public_key: string }>('SELECT key_id, public_key FROM trusted_keys')
      .all();
    return new Map(rows.map((r) => [r.key_id, r.public_key]));
  }

  add(publicKey: string, label: string): TrustedKey {
    let keyId: string;
    try {
      keyId = keyIdOf(publicKey);
    } catch {
      throw new LearnError('invalid-input', 'That is not an ed25519 public key in PEM form (pack-signing.pub).');
    }
    const addedAt = this.now().toISOString();
    this.db
      .prepare(
        'INSERT INTO trusted_keys (key_id, public_key, label, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET label = excluded.label',
      )
      .run(keyId, publicKey, label, addedAt);
    return { keyId, label, addedAt };
  }

  remove(keyId: string): void {
    const { changes } = this.db.prepare('DELETE FROM trusted_keys WHERE key_id = ?').run(keyId);
    if (changes === 0) throw new LearnError('not-found', `No trusted key ${keyId}.`);
  }
}
