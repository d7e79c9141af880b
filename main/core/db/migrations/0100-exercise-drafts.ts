import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 100,
  name: 'exercise-drafts',
  sql: `
    -- Each learner's code per exercise as they left it, saved as they type (200,000 characters at most,
    -- the contract's code limit), and the code of their last submission, so neither is ever lost.
    CREATE TABLE exercise_drafts (
      learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
      exercise_id TEXT NOT NULL,
      code TEXT NOT NULL CHECK (length(code) <= 200000),
      saved_at TEXT NOT NULL,
      PRIMARY KEY (learner_id, exercise_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE exercise_submissions (
      learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
      exercise_id TEXT NOT NULL,
      code TEXT NOT NULL CHECK (length(code) <= 200000),
      submitted_at TEXT NOT NULL,
      PRIMARY KEY (learner_id, exercise_id)
    ) STRICT, WITHOUT ROWID;
  `,
} satisfies Migration;
