import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 70,
  name: 'learning-paths',
  sql: `
    -- The last learning path given to each learner, so the next update can say what changed since.
    CREATE TABLE learning_paths (
      learner_id TEXT PRIMARY KEY REFERENCES learners (id) ON DELETE CASCADE,
      -- The goal asked for; NULL follows the profile's goals.
      goal TEXT,
      -- JSON, in path order: [{ "contentId": ..., "status": ... }].
      steps TEXT NOT NULL,
      computed_at TEXT NOT NULL
    ) STRICT;
    -- A learner's graded answers, newest first, without reading the rest of their log.
    CREATE INDEX events_attempts ON events (learner_id, timestamp) WHERE type IN ('ExerciseSubmitted', 'QuizAnswered');
  `,
} satisfies Migration;
