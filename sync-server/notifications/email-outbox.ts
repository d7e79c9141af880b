import type { SqlRunner, SqlStore } from '../storage/sql-store.js';
import type { ComposedEmail } from './email-compose.js';

/** A mail to queue: its natural key as id, so queueing the same mail twice (a retried hook, two instances) is one. */
/** Rows per INSERT: 2,000 parameters, well inside SQLite's and PostgreSQL's limits. */
const QUEUE_BATCH = 200;

export interface OutboxMail extends ComposedEmail {
  id: string;
  accountId: string;
  toAddress: string;
  toName: string;
  unsubscribeUrl: string;
}

export interface QueuedMail extends OutboxMail {
  attempts: number;
}

interface Row {
  id: string;
  account_id: string;
  to_address: string;
  to_name: string;
  subject: string;
  text_body: string;
  html_body: string;
  unsubscribe_url: string;
  attempts: number;
  next_attempt_at: number;
}

/**
 * The mails waiting for the SMTP server, in the database so a restart sends what was queued. A mail is
 * claimed by moving its next attempt past a lease, with a check that nobody moved it first, so two instances
 * over one PostgreSQL never send it twice at once and a crash mid-send frees it when the lease ends.
 */
export class EmailOutbox {
  constructor(private readonly store: SqlStore) {}

  /** Inside the caller's transaction: the mail is queued exactly when what it tells of is stored. */
  async queue(tx: SqlRunner, mails: readonly OutboxMail[], at: number): Promise<void> {
    // Many rows a statement: an important announcement to thousands is tens of statements, not thousands.
    for (let i = 0; i < mails.length; i += QUEUE_BATCH) {
      const batch = mails.slice(i, i + QUEUE_BATCH);
      await tx.run(
        `INSERT INTO email_outbox (id, account_id, to_address, to_name, subject, text_body, html_body, unsubscribe_url,
           next_attempt_at, created_at)
         VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (id) DO NOTHING`,
        batch.flatMap((mail) => [
          mail.id,
          mail.accountId,
          mail.toAddress,
          mail.toName,
          mail.subject,
          mail.text,
          mail.html,
          mail.unsubscribeUrl,
          at,
          at,
        ]),
      );
    }
  }

  /** Up to `limit` mails due at `now`, each leased until `now + leaseMs`. */
  async claim(limit: number, now: number, leaseMs: number): Promise<QueuedMail[]> {
    const due = await this.store.all<Row>(
      `SELECT * FROM email_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
      [now, limit],
    );
    const claimed: QueuedMail[] = [];
    for (const row of due) {
      const { changes } = await this.store.run(
        'UPDATE email_outbox SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND sent_at IS NULL',
        [now + leaseMs, row.id, row.next_attempt_at],
      );
      if (changes === 1) {
        claimed.push({
          id: row.id,
          accountId: row.account_id,
          toAddress: row.to_address,
          toName: row.to_name,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          unsubscribeUrl: row.unsubscribe_url,
          attempts: Number(row.attempts),
        });
      }
    }
    return claimed;
  }

  async sent(id: string, at: number): Promise<void> {
    await this.store.run(
      'UPDATE email_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?',
      [at, id],
    );
  }

  /** A failed attempt: tried again at `retryAt`, or given up when it is null. */
  async attemptFailed(id: string, error: string, retryAt: number | null, at: number): Promise<void> {
    const [set, value] = retryAt === null ? ['failed_at', at] : ['next_attempt_at', retryAt];
    await this.store.run(`UPDATE email_outbox SET attempts = attempts + 1, last_error = ?, ${set} = ? WHERE id = ?`, [
      error.slice(0, 500),
      value,
      id,
    ]);
  }

  /** Forgets mails sent or given up before `before`, so the table holds weeks of mail, not years. */
  async prune(before: number): Promise<number> {
    return (await this.store.run('DELETE FROM email_outbox WHERE sent_at < ? OR failed_at < ?', [before, before]))
      .changes;
  }
}
