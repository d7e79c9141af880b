import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 140,
  name: 'work-marks',
  sql: `
    -- Moments of code work that leave no progress event (a run, a saved draft, a live check), at most
    -- one a minute per learner: time on task counts the work between them (main/core/analytics).
    -- Kept on this device only; the synced log's events are the moments every device shares.
    CREATE TABLE work_marks (
      learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
      minute TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (learner_id, minute)
    ) STRICT, WITHOUT ROWID;

    -- Analytics reads a learner's events by time (a range of days, and what came since a day).
    CREATE INDEX IF NOT EXISTS events_by_learner_time ON events (learner_id, timestamp);
  `,
} satisfies Migration;
