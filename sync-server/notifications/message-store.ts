import type { InboxItem } from '../../common/contract/notifications.js';
import type { SqlRunner, SqlStore } from '../storage/sql-store.js';

/** Whose inboxes a message goes to, once the sender's rights were checked. */
export type Recipients =
  | { kind: 'class'; classId: string }
  | { kind: 'teacher-of-class'; classId: string }
  | { kind: 'accounts'; accountIds: readonly string[] }
  | { kind: 'everyone' };

export interface PendingDelivery {
  messageId: string;
  accountId: string;
  update: Uint8Array;
}

/**
 * The sent messages and their deliveries. A message and every recipient's row are written in one
 * transaction, recipients chosen by SQL (a class of thousands is one statement, not thousands of round trips);
 * a row stays pending until its inbox write committed, so a restart delivers what a crash interrupted.
 */
export class MessageStore {
  constructor(private readonly store: SqlStore) {}

  /** Returns the number of recipients. */
  async add(
    message: { id: string; senderId: string | null; item: InboxItem; update: Uint8Array; important: boolean },
    recipients: Recipients,
    at: number,
    /** Runs in the same transaction once the deliveries are written (the important message's mails). */
    also?: (tx: SqlRunner) => Promise<void>,
  ): Promise<number> {
    return this.store.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO notification_messages (id, sender_id, kind, item, inbox_update, important, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          message.id,
          message.senderId,
          message.item.kind,
          JSON.stringify(message.item),
          Buffer.from(message.update),
          message.important ? 1 : 0,
          at,
        ],
      );
      // Each audience is one INSERT ... SELECT of active accounts: thousands of rows, one statement.
      const insert = async (select: string, params: unknown[]) =>
        (
          await tx.run(`INSERT INTO notification_deliveries (message_id, account_id) ${select}`, [
            message.id,
            ...params,
          ])
        ).changes;
      const active = `a.status = 'active'`;
      const written = await (async () => {
        switch (recipients.kind) {
          case 'class':
            return insert(
              `SELECT ?, m.account_id FROM class_members m JOIN accounts a ON a.id = m.account_id
             WHERE m.class_id = ? AND ${active}`,
              [recipients.classId],
            );
          case 'teacher-of-class':
            return insert(
              `SELECT ?, c.teacher_id FROM classes c JOIN accounts a ON a.id = c.teacher_id WHERE c.id = ? AND ${active}`,
              [recipients.classId],
            );
          case 'everyone':
            // Everyone but the sender, who wrote it.
            return insert(`SELECT ?, a.id FROM accounts a WHERE ${active} AND (? IS NULL OR a.id <> ?)`, [
              message.senderId,
              message.senderId,
            ]);
          case 'accounts': {
            let count = 0;
            for (const accountId of new Set(recipients.accountIds)) {
              count += await insert(`SELECT ?, a.id FROM accounts a WHERE a.id = ? AND ${active}`, [accountId]);
            }
            return count;
          }
        }
      })();
      await also?.(tx);
      return written;
    });
  }

  /** Up to `limit` deliveries not yet written, oldest message first. */
  async pending(limit: number): Promise<PendingDelivery[]> {
    const rows = await this.store.all<{ message_id: string; account_id: string; inbox_update: Uint8Array }>(
      `SELECT d.message_id, d.account_id, m.inbox_update FROM notification_deliveries d
       JOIN notification_messages m ON m.id = d.message_id
       WHERE d.delivered_at IS NULL ORDER BY m.created_at, d.message_id, d.account_id LIMIT ?`,
      [limit],
    );
    return rows.map((row) => ({
      messageId: row.message_id,
      accountId: row.account_id,
      update: new Uint8Array(row.inbox_update),
    }));
  }

  /** The pending deliveries of these accounts (whose devices are connected now: they go first). */
  async pendingFor(accountIds: readonly string[]): Promise<PendingDelivery[]> {
    const found: PendingDelivery[] = [];
    for (let i = 0; i < accountIds.length; i += 500) {
      const chunk = accountIds.slice(i, i + 500);
      const rows = await this.store.all<{ message_id: string; account_id: string; inbox_update: Uint8Array }>(
        `SELECT d.message_id, d.account_id, m.inbox_update FROM notification_deliveries d
         JOIN notification_messages m ON m.id = d.message_id
         WHERE d.delivered_at IS NULL AND d.account_id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const row of rows) {
        found.push({ messageId: row.message_id, accountId: row.account_id, update: new Uint8Array(row.inbox_update) });
      }
    }
    return found;
  }

  async delivered(deliveries: readonly PendingDelivery[], at: number): Promise<void> {
    if (deliveries.length === 0) return;
    await this.store.transaction(async (tx) => {
      for (const { messageId, accountId } of deliveries) {
        await tx.run('UPDATE notification_deliveries SET delivered_at = ? WHERE message_id = ? AND account_id = ?', [
          at,
          messageId,
          accountId,
        ]);
      }
    });
  }

  /** Messages an account sent since `since` (for the per-sender rate limit, which survives a restart). */
  async sentSince(senderId: string, since: number): Promise<number> {
    const row = await this.store.get<{ n: number }>(
      'SELECT count(*) AS n FROM notification_messages WHERE sender_id = ? AND created_at >= ?',
      [senderId, since],
    );
    return Number(row?.n ?? 0);
  }
}
