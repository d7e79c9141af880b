import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 80,
  name: 'sync',
  sql: `
    -- A learner linked to a sync-server account. The refresh token rotates at every use.
    CREATE TABLE sync_link (
      learner_id TEXT PRIMARY KEY REFERENCES learners (id) ON DELETE CASCADE,
      server_url TEXT NOT NULL,
      account_id TEXT NOT NULL,
      refresh_token TEXT NOT NULL,
      linked_at TEXT NOT NULL
    ) STRICT;

    -- This device's Yjs clientID per learner: a new one per launch would grow every document.
    CREATE TABLE sync_client (
      learner_id TEXT PRIMARY KEY REFERENCES learners (id) ON DELETE CASCADE,
      client_id INTEGER NOT NULL
    ) STRICT;

    -- A learner's documents ('prefs', 'notes', 'inbox', 'progress/<YYYY>-<T>'): the compacted state,
    -- and the server's state vector at its last acknowledgement.
    CREATE TABLE sync_docs (
      learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
      doc TEXT NOT NULL,
      state BLOB NOT NULL,
      acked_sv BLOB,
      PRIMARY KEY (learner_id, doc)
    ) STRICT;

    -- Updates since the compacted state, so an append writes its own few bytes, not the whole
    -- document; folded into sync_docs.state now and then.
    CREATE TABLE sync_updates (
      id INTEGER PRIMARY KEY,
      learner_id TEXT NOT NULL,
      doc TEXT NOT NULL,
      data BLOB NOT NULL,
      FOREIGN KEY (learner_id, doc) REFERENCES sync_docs (learner_id, doc) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX sync_updates_by_doc ON sync_updates (learner_id, doc, id);
  `,
} satisfies Migration;
