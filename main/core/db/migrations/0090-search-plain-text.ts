import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 90,
  name: 'search-plain-text',
  sql: `
    -- The words of each pack's indexed text as written (not stemmed), with how many items hold
    -- each: the vocabulary that respells a query with a typo.
    CREATE TABLE search_words (
      pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
      word TEXT NOT NULL,
      docs INTEGER NOT NULL,
      PRIMARY KEY (pack_id, word)
    ) STRICT, WITHOUT ROWID;

    -- Which way the index was written. The core rebuilds the index from the catalog when it
    -- finds an older format (format 1, from 0030, held raw Markdown); no row means format 1.
    CREATE TABLE search_format (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      format INTEGER NOT NULL
    ) STRICT;
  `,
} satisfies Migration;
