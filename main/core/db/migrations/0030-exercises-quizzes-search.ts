import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 30,
  name: 'exercises-quizzes-search',
  sql: `
    CREATE TABLE exercises (
      id TEXT PRIMARY KEY,
      module_id TEXT NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      title TEXT NOT NULL,
      difficulty INTEGER NOT NULL,
      skills TEXT NOT NULL,
      hints TEXT NOT NULL,
      prompt TEXT NOT NULL,
      starter TEXT NOT NULL
    ) STRICT;
    CREATE INDEX exercises_by_module ON exercises (module_id, position);

    CREATE TABLE quiz_items (
      id TEXT PRIMARY KEY,
      module_id TEXT NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      difficulty INTEGER NOT NULL,
      item TEXT NOT NULL
    ) STRICT;
    CREATE INDEX quiz_items_by_module ON quiz_items (module_id, position);

    -- Titles, lesson text, prompts and code, ranked with BM25; the other columns are for filters.
    -- Prefix indexes keep type-ahead queries ("gen"*) from expanding over the whole vocabulary.
    -- Filters are tokens in the indexed tags column, so a filter narrows the match inside the index.
    CREATE VIRTUAL TABLE search_index USING fts5 (
      title, body, tags,
      content_id UNINDEXED, pack_id UNINDEXED, module_id UNINDEXED, kind UNINDEXED, difficulty UNINDEXED,
      tokenize = 'porter unicode61',
      prefix = '2 3 4 5 6 7 8'
    );
  `,
} satisfies Migration;
