import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 40,
  name: 'content-structure',
  sql: `
    CREATE TABLE skills (
      id TEXT PRIMARY KEY,
      pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
      title TEXT NOT NULL
    ) STRICT;

    -- item requires required, within one graph: modules, lessons (exercises point into it) or skills,
    -- which may share ids with lessons.
    CREATE TABLE prerequisites (
      pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
      graph TEXT NOT NULL CHECK (graph IN ('module', 'lesson', 'skill')),
      item_id TEXT NOT NULL,
      required_id TEXT NOT NULL,
      PRIMARY KEY (graph, item_id, required_id)
    ) STRICT;

    CREATE TABLE content_skills (
      pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
      content_id TEXT NOT NULL,
      skill_id TEXT NOT NULL,
      PRIMARY KEY (content_id, skill_id)
    ) STRICT;

    -- The teaching order of a pack: each module's lessons, then its exercises, then its quiz.
    CREATE TABLE sequence (
      pack_id TEXT NOT NULL REFERENCES packs (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      content_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('lesson', 'exercise', 'quiz')),
      module_id TEXT NOT NULL,
      title TEXT NOT NULL,
      PRIMARY KEY (pack_id, position)
    ) STRICT;
  `,
} satisfies Migration;
