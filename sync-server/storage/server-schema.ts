import type { ServerMigration } from './sql-store.js';

/**
 * The sync server's schema, oldest first. Append; never edit a shipped step. Written for SQLite; PostgreSQL
 * gets the same text with its own types (see `forDialect`).
 */
export const serverSchema: readonly ServerMigration[] = [
  {
    version: 10,
    name: 'accounts-and-classes',
    sql: `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('learner', 'teacher', 'admin')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'active')),
  created_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
);
CREATE TABLE refresh_families (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  revoked_reason TEXT
);
CREATE INDEX refresh_families_by_account ON refresh_families(account_id);
CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  family_id TEXT NOT NULL REFERENCES refresh_families(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE TABLE classes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  teacher_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  join_code TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE class_members (
  class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (class_id, account_id)
);
CREATE INDEX class_members_by_account ON class_members(account_id)`,
  },
  {
    version: 20,
    name: 'documents',
    sql: `
CREATE TABLE doc_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX doc_updates_by_doc ON doc_updates(doc, id);
CREATE TABLE doc_snapshots (
  doc TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  upto_id INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
)`,
  },
  {
    version: 30,
    name: 'refresh-successors',
    // The token each refresh token was traded for: a retry after a lost answer is told apart from a stolen copy.
    sql: `ALTER TABLE refresh_tokens ADD COLUMN replaced_by TEXT`,
  },
  {
    version: 40,
    name: 'refresh-retries',
    // When a spent token had its one lost-answer retry: a second retry is a copy, not a lost answer.
    sql: `ALTER TABLE refresh_tokens ADD COLUMN retried_at INTEGER`,
  },
  {
    version: 50,
    name: 'dashboard-projections',
    // Each learner's projections (common/progress-rules' LearnerProjection as JSON), kept as updates commit, the
    // ids of the events applied apart (a report never reads them: they are most of the bytes);
    // \`version\` makes two instances' writes of one learner take turns. Module completion gets rows of its own,
    // and their sums per module are kept as rows change, so the whole school's summary reads one row per module.
    sql: `
CREATE TABLE dashboard_learners (
  learner_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  seen TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE dashboard_module_progress (
  learner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  module_id TEXT NOT NULL,
  completed INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (learner_id, module_id)
);
CREATE INDEX dashboard_module_progress_by_module ON dashboard_module_progress(module_id);
CREATE TABLE dashboard_module_totals (
  module_id TEXT PRIMARY KEY,
  started INTEGER NOT NULL,
  finished INTEGER NOT NULL,
  completed INTEGER NOT NULL
);
CREATE TABLE dashboard_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
)`,
  },
  {
    version: 60,
    name: 'assignments',
    // created_by keeps the author's id without a reference: an admin who assigned and left must not take the
    // class's work with them; the class going takes its assignments.
    sql: `
CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('lesson', 'exercise', 'quiz', 'assessment')),
  pack_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  title TEXT NOT NULL,
  due_at INTEGER,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX assignments_by_class ON assignments(class_id, created_at)`,
  },
  {
    version: 70,
    name: 'notifications',
    // A message a teacher or admin sent, with the inbox update written to each recipient (the same bytes every
    // time, so a delivery repeated after a crash changes nothing), and one row per recipient until delivered.
    sql: `
CREATE TABLE notification_messages (
  id TEXT PRIMARY KEY,
  sender_id TEXT REFERENCES accounts(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  item TEXT NOT NULL,
  inbox_update BLOB NOT NULL,
  important INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE notification_deliveries (
  message_id TEXT NOT NULL REFERENCES notification_messages(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  delivered_at INTEGER,
  PRIMARY KEY (message_id, account_id)
);
CREATE INDEX notification_deliveries_pending ON notification_deliveries(delivered_at, message_id)`,
  },
  {
    version: 75,
    name: 'email-outbox',
    // Emails waiting for the SMTP server, composed once (so a restart sends the same text), one row per mail; the
    // id is the mail's natural key (a message to one account, a digest period of one account), so queueing it
    // twice is one mail. A row leaves the queue sent or given up; `next_attempt_at` is the backoff and the lease.
    sql: `
CREATE TABLE email_outbox (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  to_address TEXT NOT NULL,
  to_name TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  unsubscribe_url TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at INTEGER,
  failed_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX email_outbox_due ON email_outbox(sent_at, failed_at, next_attempt_at);
CREATE TABLE email_digests (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  period_start INTEGER NOT NULL
)`,
  },
  {
    version: 80,
    name: 'distribution',
    // The class server's pack feed: each published .lpack (its bytes live in the data folder, named by their
    // SHA-256), and the classes that get a list of packs instead of all of them.
    sql: `
CREATE TABLE distribution_packs (
  sha256 TEXT PRIMARY KEY,
  pack_id TEXT NOT NULL,
  version TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  key_id TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  UNIQUE (pack_id, version)
);
CREATE TABLE distribution_class_lists (
  class_id TEXT PRIMARY KEY REFERENCES classes(id) ON DELETE CASCADE
);
CREATE TABLE distribution_class_packs (
  class_id TEXT NOT NULL REFERENCES distribution_class_lists(class_id) ON DELETE CASCADE,
  pack_id TEXT NOT NULL,
  PRIMARY KEY (class_id, pack_id)
)`,
  },
];
