import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 200,
  name: 'notification-words',
  sql: `
    -- The catalog references of a device notification's title and body (JSON, common/i18n/message.ts), so
    -- each face says them in its learner's language; title and body stay the English for older faces.
    -- NULL for notifications made before (they show their English).
    ALTER TABLE device_notifications ADD COLUMN title_i18n TEXT;
    ALTER TABLE device_notifications ADD COLUMN body_i18n TEXT;
  `,
} satisfies Migration;
