import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 110,
  name: 'machine-admin',
  sql: `
    -- The one machine admin: the scrypt hash of their password and the lock-out after wrong tries.
    -- At most one row; none until someone sets a password.
    CREATE TABLE machine_admin (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%' AND length(password_hash) <= 300),
      failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
      locked_until TEXT,
      set_at TEXT NOT NULL
    ) STRICT;

    -- Pack ids an admin removed: a pack shipped with the app stays removed at the next start
    -- instead of coming back, until an admin restores or installs it again.
    CREATE TABLE removed_packs (
      pack_id TEXT PRIMARY KEY,
      removed_at TEXT NOT NULL
    ) STRICT;
  `,
} satisfies Migration;
