import type { Notification } from '../../../common/contract/notifications.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { messageRefSchema } from '../../../common/i18n/message.js';
import type { MessageRef } from '../../../common/i18n/message.js';
import type { AlertCandidate } from './alert-policy.js';

/** A notification this device made (reviews due, a streak, a pack update...): the fields the alert policy reads. */
export type DeviceItem = AlertCandidate;

interface DeviceRow extends Omit<DeviceItem, 'titleI18n' | 'bodyI18n'> {
  read_at: string | null;
  title_i18n: string | null;
  body_i18n: string | null;
}

const asJson = (ref: MessageRef | undefined) => (ref ? JSON.stringify(ref) : null);
/** A stored reference, or none when it is missing or no longer reads as one. */
const fromJson = (text: string | null): MessageRef | undefined => {
  if (text === null) return undefined;
  try {
    const parsed = messageRefSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** This device's own notifications and the alert decisions (device and inbox items alike), per learner. */
export class NotificationStore {
  readonly #q;

  constructor(db: SqliteDatabase) {
    this.#q = {
      add: db.prepare<[string, string, string, string, string, string | null, string, string | null, string | null]>(
        `INSERT INTO device_notifications (learner_id, id, kind, title, body, link, at, title_i18n, body_i18n)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (learner_id, id) DO NOTHING`,
      ),
      list: db.prepare<[string], DeviceRow>(
        `SELECT id, kind, title, body, link, at, read_at, title_i18n, body_i18n FROM device_notifications
         WHERE learner_id = ? AND dismissed_at IS NULL ORDER BY at DESC`,
      ),
      read: db.prepare<[string, string, string]>(
        'UPDATE device_notifications SET read_at = ? WHERE learner_id = ? AND id = ? AND read_at IS NULL',
      ),
      dismiss: db.prepare<[string, string, string]>(
        'UPDATE device_notifications SET dismissed_at = ? WHERE learner_id = ? AND id = ? AND dismissed_at IS NULL',
      ),
      decided: db.prepare<[string], { item_id: string }>(
        'SELECT item_id FROM notification_alerts WHERE learner_id = ?',
      ),
      decide: db.prepare<[string, string, string, string, string | null]>(
        `INSERT INTO notification_alerts (learner_id, item_id, decided_at, local_day, alert) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (learner_id, item_id) DO NOTHING`,
      ),
      shownOn: db.prepare<[string, string], { n: number }>(
        'SELECT count(DISTINCT alert) AS n FROM notification_alerts WHERE learner_id = ? AND local_day = ?',
      ),
    };
  }

  /** True when the item is new (an id seen before, such as today's reviews, is one item). */
  add(learnerId: string, item: DeviceItem): boolean {
    const { id, kind, title, body, link, at } = item;
    const words = [asJson(item.titleI18n), asJson(item.bodyI18n)] as const;
    return this.#q.add.run(learnerId, id, kind, title, body, link, at, ...words).changes === 1;
  }

  list(learnerId: string): Notification[] {
    return this.#q.list.all(learnerId).map(({ read_at, link, title_i18n, body_i18n, ...item }) => {
      const titleI18n = fromJson(title_i18n);
      const bodyI18n = fromJson(body_i18n);
      return {
        ...item,
        ...(link ? { link } : {}),
        ...(titleI18n ? { titleI18n } : {}),
        ...(bodyI18n ? { bodyI18n } : {}),
        source: 'device' as const,
        read: read_at !== null,
      };
    });
  }

  markRead(learnerId: string, ids: readonly string[], at: string): void {
    for (const id of ids) this.#q.read.run(at, learnerId, id);
  }

  dismiss(learnerId: string, ids: readonly string[], at: string): void {
    for (const id of ids) this.#q.dismiss.run(at, learnerId, id);
  }

  decidedIds(learnerId: string): Set<string> {
    return new Set(this.#q.decided.all(learnerId).map((row) => row.item_id));
  }

  /** Records a decision: `alert` names the alert the items became (the cap counts it once), null for none. */
  decide(learnerId: string, ids: readonly string[], at: string, localDay: string, alert: string | null): void {
    for (const id of ids) this.#q.decide.run(learnerId, id, at, localDay, alert);
  }

  alertsShownOn(learnerId: string, localDay: string): number {
    return this.#q.shownOn.get(learnerId, localDay)!.n;
  }
}
