import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 160,
  name: 'notifications',
  sql: `
    -- Notifications this device made itself (reviews due, a streak, a pack update...), per learner. They
    -- stay on this device: another device makes its own. The id names the occasion (one per day, per pack
    -- version), so a source that fires twice makes one item.
    CREATE TABLE device_notifications (
      learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      link TEXT,
      at TEXT NOT NULL,
      read_at TEXT,
      dismissed_at TEXT,
      PRIMARY KEY (learner_id, id)
    ) STRICT;

    -- Every item the alert policy has decided on (device or inbox), so each is alerted at most once, across
    -- restarts; alert names the desktop alert it became (part of), which the daily cap counts; NULL when
    -- it was not alerted (its kind is off, or the cap was reached).
    CREATE TABLE notification_alerts (
      learner_id TEXT NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      local_day TEXT NOT NULL,
      alert TEXT,
      PRIMARY KEY (learner_id, item_id)
    ) STRICT;
  `,
} satisfies Migration;
