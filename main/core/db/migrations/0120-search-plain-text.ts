import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 120,
  name: 'search-plain-text',
  sql: `
    -- The index again, now with prefix indexes up to 10 letters: a prefix query (the last word, as
    -- the learner types) longer than every prefix index merges the lists of every word it begins,
    -- and a long common word ("comprehension", stemmed "comprehens") made that most of a query's
    -- cost. Emptied here; the core fills it again from the catalog (see search_format).
    DROP TABLE search_index;
    CREATE VIRTUAL TABLE search_index USING fts5 (
      title, body, tags,
      content_id UNINDEXED, pack_id UNINDEXED, module_id UNINDEXED, kind UNINDEXED, difficulty UNINDEXED,
      tokenize = 'porter unicode61',
      prefix = '2 3 4 5 6 7 8 9 10'
    );

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
