import { inboxItemSchema } from '../../common/contract/notifications.js';
import type { InboxItem } from '../../common/contract/notifications.js';
import { speakerIn } from '../../common/i18n/speaker.js';
import type { SqlStore } from '../storage/sql-store.js';
import { digestEmail } from './email-compose.js';
import type { DigestCadence, DigestPreference } from './email-digest-preference.js';
import type { EmailOutbox, OutboxMail } from './email-outbox.js';

const DAY_MS = 24 * 60 * 60_000;
const LENGTH: Record<DigestCadence, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };

/** The start of the day (UTC midnight) or the week (Monday, UTC) that `now` is in. */
export function periodStart(cadence: DigestCadence, now: number): number {
  const day = Math.floor(now / DAY_MS) * DAY_MS;
  if (cadence === 'daily') return day;
  // 1970-01-01 was a Thursday: days since the last Monday.
  return day - ((Math.floor(now / DAY_MS) + 3) % 7) * DAY_MS;
}

/**
 * The digests: once a day or week has ended, each learner who opted in and got messages in it is mailed
 * them. A digest is queued with its period in the same transaction, and its id names account and period,
 * so a restart or a second instance never mails a period twice; a server down over several periods sends
 * one digest of all of them.
 */
export class EmailDigest {
  constructor(
    private readonly store: SqlStore,
    private readonly outbox: EmailOutbox,
    private readonly preference: DigestPreference,
    private readonly recipient: (accountId: string) => { unsubscribeUrl: string },
    private readonly now: () => number,
  ) {}

  /** Queues the digests due now; answers how many. */
  async run(): Promise<number> {
    const now = this.now();
    const daily = periodStart('daily', now);
    // Only accounts with a message in the longest period that can have just ended are looked at.
    const candidates = await this.store.all<{ id: string; email: string; display_name: string }>(
      `SELECT DISTINCT a.id, a.email, a.display_name FROM notification_deliveries d
       JOIN notification_messages m ON m.id = d.message_id JOIN accounts a ON a.id = d.account_id
       WHERE m.created_at > ? AND m.created_at <= ? AND a.status = 'active' AND a.email <> ''`,
      [periodStart('weekly', now) - LENGTH.weekly, daily],
    );
    let queued = 0;
    for (const account of candidates) {
      const cadence = await this.preference.cadence(account.id);
      if (!cadence) continue;
      const end = periodStart(cadence, now);
      const last = await this.store.get<{ period_start: number }>(
        'SELECT period_start FROM email_digests WHERE account_id = ?',
        [account.id],
      );
      if (last && Number(last.period_start) >= end) continue;
      const rows = await this.store.all<{ item: string }>(
        `SELECT m.item FROM notification_deliveries d JOIN notification_messages m ON m.id = d.message_id
         WHERE d.account_id = ? AND m.created_at > ? AND m.created_at <= ? ORDER BY m.created_at, m.id`,
        [account.id, last ? Number(last.period_start) : end - LENGTH[cadence], end],
      );
      const items = rows.flatMap((row): InboxItem[] => {
        const parsed = inboxItemSchema.safeParse(JSON.parse(row.item));
        return parsed.success ? [parsed.data] : [];
      });
      if (items.length === 0) continue;
      const { unsubscribeUrl } = this.recipient(account.id);
      const mail: OutboxMail = {
        id: `digest:${account.id}:${end}`,
        accountId: account.id,
        toAddress: account.email,
        toName: account.display_name,
        unsubscribeUrl,
        ...digestEmail(cadence, items, unsubscribeUrl, speakerIn((await this.preference.language(account.id)) ?? 'en')),
      };
      await this.store.transaction(async (tx) => {
        await this.outbox.queue(tx, [mail], now);
        await tx.run(
          `INSERT INTO email_digests (account_id, period_start) VALUES (?, ?)
           ON CONFLICT (account_id) DO UPDATE SET period_start = excluded.period_start`,
          [account.id, end],
        );
      });
      queued++;
    }
    return queued;
  }
}
