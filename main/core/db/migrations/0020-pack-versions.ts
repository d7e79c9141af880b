import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 20,
  name: 'pack-versions-and-trusted-keys',
  sql: `
    -- Every unpacked version of a pack; packs.version names the active one.
    CREATE TABLE pack_versions (
      pack_id TEXT NOT NULL,
      version TEXT NOT NULL,
      dir TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('bundled', 'file')),
      key_id TEXT,
      installed_at TEXT NOT NULL,
      PRIMARY KEY (pack_id, version)
    ) STRICT;

    CREATE TABLE trusted_keys (
      key_id TEXT PRIMARY KEY,
      public_key TEXT NOT NULL,
      label TEXT NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;
  `,
} satisfies Migration;
