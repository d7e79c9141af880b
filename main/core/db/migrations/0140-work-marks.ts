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
  `,
} satisfies Migration;
