import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 10,
  name: 'create-catalog',
  sql: `
    CREATE TABLE packs (
      id TEXT PRIMARY KEY,
      version TEXT NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      language TEXT NOT NULL,
      installed_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE modules (
      id TEXT PRIMARY KEY,
      pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL
    ) STRICT;
    CREATE INDEX modules_by_pack ON modules (pack_id, position);

    CREATE TABLE lessons (
      id TEXT PRIMARY KEY,
      module_id TEXT NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL
    ) STRICT;
    CREATE INDEX lessons_by_module ON lessons (module_id, position);
  `,
} satisfies Migration;
