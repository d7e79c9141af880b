import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 130,
  name: 'assessments',
  sql: `
    -- A learner's assessments. The pool is the fixed form's items in order, or the adaptive test's
    -- bank; the current item is the one asked now, kept so a resumed test asks the same question.
    -- The report is written once, when it ends, so a later recalibration or a removed pack leaves it as it was.
    CREATE TABLE assessments (
      id TEXT PRIMARY KEY,
      learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('adaptive', 'fixed')),
      topic_id TEXT NOT NULL,
      title TEXT NOT NULL,
      pool TEXT NOT NULL CHECK (json_valid(pool)),
      target_se REAL NOT NULL CHECK (target_se > 0),
      max_items INTEGER NOT NULL CHECK (max_items > 0),
      seed INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      deadline TEXT,
      current_item_id TEXT,
      ended_at TEXT,
      end_reason TEXT CHECK (end_reason IN ('precise', 'max-length', 'all-asked', 'time-up', 'handed-in')),
      result TEXT CHECK (result IS NULL OR json_valid(result)),
      CHECK ((ended_at IS NULL) = (end_reason IS NULL))
    ) STRICT;
    CREATE INDEX assessments_by_learner ON assessments (learner_id, started_at);

    -- Each answer, graded, with the item's parameters as they were when it was asked.
    CREATE TABLE assessment_answers (
      assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      item_id TEXT NOT NULL,
      answer TEXT NOT NULL CHECK (length(answer) <= 500),
      correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
      discrimination REAL NOT NULL,
      difficulty REAL NOT NULL,
      answered_at TEXT NOT NULL,
      time_spent_ms INTEGER NOT NULL CHECK (time_spent_ms >= 0),
      PRIMARY KEY (assessment_id, position),
      UNIQUE (assessment_id, item_id)
    ) STRICT;

    -- The item bank's 2PL parameters from the last calibration; an item not here starts from its
    -- author's difficulty.
    CREATE TABLE item_parameters (
      item_id TEXT PRIMARY KEY,
      discrimination REAL NOT NULL CHECK (discrimination > 0),
      difficulty REAL NOT NULL,
      answers INTEGER NOT NULL CHECK (answers >= 0),
      calibrated_at TEXT NOT NULL
    ) STRICT;
  `,
} satisfies Migration;
