import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 90,
  name: 'pack-signers',
  sql: `
    -- The key each pack id is pinned to at its first install: another trusted key cannot replace
    -- the pack unless an admin says so. 'app' pins a pack shipped with the app to the app itself.
    CREATE TABLE pack_signers (
      pack_id TEXT PRIMARY KEY,
      key_id TEXT NOT NULL CHECK (key_id = 'app' OR (length(key_id) = 16 AND key_id NOT GLOB '*[^0-9a-f]*')),
      pinned_at TEXT NOT NULL
    ) STRICT;

    -- Installs from before the pins: each pack keeps the signer of its active version.
    INSERT INTO pack_signers (pack_id, key_id, pinned_at)
      SELECT v.pack_id, coalesce(v.key_id, 'app'), v.installed_at
      FROM pack_versions v JOIN packs p ON p.id = v.pack_id AND p.version = v.version;
  `,
} satisfies Migration;
