import type { Migration } from '../../infra/sqlite/migrator.js';

/** The sync server's ladder, oldest first. Append; never edit a shipped step. */
export const serverMigrations: readonly Migration[] = [
  {
    version: 10,
    name: 'create-server-info',
    sql: `CREATE TABLE server_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`,
  },
];
