import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { TrustedKey } from '../../../common/contract/packs.js';
import { keyIdOf } from '../../../content-packs/format/signing.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/** A key shipped with the app (content-packs/keys/*.pub): trusted by default, not removable. */
export interface BuiltinKey {
  label: string;
  publicKey: string;
}

/** The public keys whose packs this machine installs: the app's own, and those admins add. */
export class TrustStore {
  readonly #builtin: Map<string, BuiltinKey>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date,
    builtin: readonly BuiltinKey[] = [],
  ) {
    this.#builtin = new Map(builtin.map((k) => [keyIdOf(k.publicKey), k]));
  }

  list(): TrustedKey[] {
    const added = this.db
      .prepare<[], { keyId: string; label: string; addedAt: string }>(
        'SELECT key_id AS keyId, label, added_at AS addedAt FROM trusted_keys ORDER BY added_at',
      )
      .all()
      .filter((k) => !this.#builtin.has(k.keyId));
    const shipped = [...this.#builtin].map(([keyId, k]) => ({ keyId, label: k.label, addedAt: '', builtin: true }));
    return [...shipped, ...added.map((k) => ({ ...k, builtin: false }))];
  }

  /** Keys by id, as the archive reader wants them. */
  keys(): Map<string, string> {
    const rows = this.db
      .prepare<[], { key_id: string; public_key: string }>('SELECT key_id, public_key FROM trusted_keys')
      .all();
    const keys = new Map(rows.map((r) => [r.key_id, r.public_key]));
    for (const [keyId, k] of this.#builtin) keys.set(keyId, k.publicKey);
    return keys;
  }

  add(publicKey: string, label: string): TrustedKey {
    let keyId: string;
    try {
      keyId = keyIdOf(publicKey);
    } catch {
      throw new LearnError('invalid-input', say('trust-key-not-pem'));
    }
    const addedAt = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO trusted_keys (key_id, public_key, label, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key_id) DO UPDATE SET label = excluded.label`,
      )
      .run(keyId, publicKey, label, addedAt);
    return { keyId, label, addedAt, builtin: this.#builtin.has(keyId) };
  }

  remove(keyId: string): void {
    if (this.#builtin.has(keyId)) throw new LearnError('forbidden', say('trust-key-shipped', { keyId }));
    const { changes } = this.db.prepare('DELETE FROM trusted_keys WHERE key_id = ?').run(keyId);
    if (changes === 0) throw new LearnError('not-found', say('trust-key-unknown', { keyId }));
  }
}
