import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 60,
  name: 'review-schedule',
  sql: `
    -- When a skill was last practised (the latest answer's time): where its first spaced review starts.
    ALTER TABLE skill_mastery ADD COLUMN last_at TEXT;
    -- A learner's reviews in time order, without reading the rest of their log.
    CREATE INDEX events_reviews ON events (learner_id, timestamp) WHERE type = 'ReviewDone';
  `,
} satisfies Migration;
