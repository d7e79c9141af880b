import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 50,
  name: 'learners-and-progress',
  sql: `
    CREATE TABLE learners (
      id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      avatar TEXT NOT NULL,
      goals TEXT NOT NULL,
      preferences TEXT NOT NULL,
      pin_hash TEXT,
      failed_pins INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    -- The append-only log: the truth every projection below is derived from.
    CREATE TABLE events (
      event_id TEXT PRIMARY KEY,
      learner_id TEXT NOT NULL,
      type TEXT NOT NULL,
      aggregate_id TEXT NOT NULL,
      timestamp TEXT NOT NULL,
      data TEXT NOT NULL,
      version INTEGER NOT NULL
    ) STRICT;
    -- With the implicit rowid, this serves a learner's log in append order.
    CREATE INDEX events_by_learner ON events (learner_id);

    -- Projections. Every update is order-independent (min, max, sums), so applying events as they
    -- arrive, in any order, gives the same rows as a rebuild from the log.
    CREATE TABLE lesson_progress (
      learner_id TEXT NOT NULL,
      lesson_id TEXT NOT NULL,
      first_opened_at TEXT,
      completed_at TEXT,
      time_ms INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (learner_id, lesson_id)
    ) STRICT;

    CREATE TABLE exercise_progress (
      learner_id TEXT NOT NULL,
      exercise_id TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      best_passed INTEGER NOT NULL DEFAULT 0,
      best_total INTEGER NOT NULL DEFAULT 0,
      max_hints INTEGER NOT NULL DEFAULT 0,
      completed_at TEXT,
      PRIMARY KEY (learner_id, exercise_id)
    ) STRICT;

    CREATE TABLE skill_mastery (
      learner_id TEXT NOT NULL,
      skill_id TEXT NOT NULL,
      correct INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (learner_id, skill_id)
    ) STRICT;

    CREATE TABLE quiz_progress (
      learner_id TEXT NOT NULL,
      quiz_item_id TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      correct INTEGER NOT NULL DEFAULT 0,
      first_correct_at TEXT,
      PRIMARY KEY (learner_id, quiz_item_id)
    ) STRICT;

    CREATE TABLE assessment_results (
      learner_id TEXT NOT NULL,
      assessment_id TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      best_ratio REAL NOT NULL DEFAULT 0,
      PRIMARY KEY (learner_id, assessment_id)
    ) STRICT;

    CREATE TABLE skill_reviews (
      learner_id TEXT NOT NULL,
      skill_id TEXT NOT NULL,
      reviews INTEGER NOT NULL DEFAULT 0,
      last_at TEXT NOT NULL,
      PRIMARY KEY (learner_id, skill_id)
    ) STRICT;

    -- Activity per UTC quarter hour, so days, streaks and time on task can be read in the
    -- learner's own time zone (every zone's offset is a multiple of 15 minutes).
    -- Per UTC day, its first and last active quarter: enough to know which local days were active
    -- in any time zone (a UTC day spans at most two local days), so streaks read one row a day.
    CREATE TABLE activity_days (
      learner_id TEXT NOT NULL,
      day TEXT NOT NULL,
      first_quarter TEXT NOT NULL,
      last_quarter TEXT NOT NULL,
      time_ms INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (learner_id, day)
    ) STRICT;

    CREATE TABLE activity (
      learner_id TEXT NOT NULL,
      quarter TEXT NOT NULL,
      events INTEGER NOT NULL DEFAULT 0,
      time_ms INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (learner_id, quarter)
    ) STRICT;

    -- Where to resume: the latest opened lesson or started exercise, by (timestamp, event id).
    CREATE TABLE resume_points (
      learner_id TEXT PRIMARY KEY,
      content_id TEXT NOT NULL,
      at TEXT NOT NULL,
      event_id TEXT NOT NULL
    ) STRICT;
  `,
} satisfies Migration;
