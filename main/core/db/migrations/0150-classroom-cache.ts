import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 150,
  name: 'classroom-cache',
  sql: `
    -- The last classes and assignments the class server sent each learner (GET /classes/mine, as JSON checked
    -- against the contract when read), so home still shows them offline and says how old they are. Kept for one
    -- server and account: a learner who signs in elsewhere sees nothing stale from the old one.
    CREATE TABLE classroom_cache (
      learner_id TEXT PRIMARY KEY REFERENCES learners (id) ON DELETE CASCADE,
      server_url TEXT NOT NULL,
      account_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('learner', 'teacher', 'admin')),
      mine TEXT NOT NULL CHECK (json_valid(mine)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
} satisfies Migration;
