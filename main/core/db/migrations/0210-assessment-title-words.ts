import type { Migration } from '../../../../infra/sqlite/migrator.js';

export default {
  version: 210,
  name: 'assessment-title-words',
  sql: `
    -- The catalog reference of the title the core composed around the content's own words
    -- ("{{topic}}: adaptive test", JSON, common/i18n/message.ts), so each face says the words around the
    -- pack's title in its learner's language; title stays the English for older faces. NULL for
    -- assessments started before (they show the title they were stored with).
    ALTER TABLE assessments ADD COLUMN title_i18n TEXT CHECK (title_i18n IS NULL OR json_valid(title_i18n));
  `,
} satisfies Migration;
