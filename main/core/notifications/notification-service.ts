import { randomUUID } from 'node:crypto';
import type { LearnService } from '../../../common/contract/api.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { InboxMark, Notification, NotificationList } from '../../../common/contract/notifications.js';
import { SYNC_ROOTS } from '../../../common/contract/sync-wire.js';
import type { Logger } from '../../../infra/log/logger.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { LocalDocs } from '../sync/local-docs.js';
import type { SyncStore } from '../sync/sync-store.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import type { LearnerStore } from '../users/learner-store.js';
import { decideAlerts } from './alert-policy.js';
import type { AlertCandidate } from './alert-policy.js';
import { newMarks, readInbox } from './inbox-state.js';
import type { InboxState } from './inbox-state.js';
import { localClock } from './local-clock.js';
import { NotificationStore } from './notification-store.js';
import type { DeviceItem } from './notification-store.js';

export type NotificationApi = Pick<
  LearnService,
  'listNotifications' | 'markNotificationsRead' | 'markAllNotificationsRead' | 'dismissNotifications'
>;

interface Deps {
  db: SqliteDatabase;
  docs: LocalDocs;
  links: Pick<SyncStore, 'linkOf'>;
  learners: Pick<LearnerStore, 'find'>;
  sessions: LearnerSessions;
  emit: (event: LearnEvent) => void;
  now: () => Date;
  /** The learner's time zone for quiet hours and the daily cap; the machine's own when undefined. */
  timeZone?: string;
  logger: Logger;
}

const EMPTY: InboxState = { items: [], read: new Set(), dismissed: new Set() };

/**
 * A learner's notifications: the synced inbox (remote items, with read and dismissed marks that sync between
 * their devices) and this device's own, as one list; and the desktop alerts, decided once per item (recorded,
 * so neither a repeated delivery nor a restart alerts twice) by the learner's settings. The faces hear of
 * every change as a `notifications` event: no polling.
 */
export function createNotificationService(deps: Deps) {
  const { db, docs, links, learners, sessions, now, logger } = deps;
  const store = new NotificationStore(db);
  /** What the faces were last told per learner: a call that changes nothing tells them nothing (no echo loop). */
  const announced = new Map<string, string>();

  const inboxOf = (learnerId: string): InboxState =>
    links.linkOf(learnerId) ? readInbox(docs.doc(learnerId, 'inbox').getArray(SYNC_ROOTS.inbox.name).toArray()) : EMPTY;

  const list = (learnerId: string): NotificationList => {
    const inbox = inboxOf(learnerId);
    const remote: Notification[] = inbox.items
      .filter((item) => !inbox.dismissed.has(item.id))
      .map((item) => ({ ...item, source: 'inbox', read: inbox.read.has(item.id) }));
    const items = [...remote, ...store.list(learnerId)].sort((a, b) => b.at.localeCompare(a.at));
    return { items, unread: items.filter((item) => !item.read).length };
  };

  /**
   * Runs the alert policy over the items not decided yet, for a learner whose profile is open here, and tells
   * the faces. A learner not open here hears of them (collapsed) when they next open their profile.
   */
  const changed = (learnerId: string) => {
    const current = list(learnerId);
    let alerts: { title: string; body: string; itemId: string | null; link: string | null }[] = [];
    const learner = learners.find(learnerId);
    if (learner && sessions.openLearners().has(learnerId)) {
      const decided = store.decidedIds(learnerId);
      const candidates: AlertCandidate[] = current.items
        .filter((item) => !item.read && !decided.has(item.id))
        .map((item) => ({ ...item, link: item.link ?? null }));
      if (candidates.length > 0) {
        const at = now();
        const clock = localClock(at, deps.timeZone);
        const decision = decideAlerts({
          candidates,
          settings: learner.preferences.notifications,
          clock,
          shownToday: store.alertsShownOn(learnerId, clock.day),
        });
        db.transaction(() => {
          store.decide(learnerId, decision.suppressed, at.toISOString(), clock.day, null);
          // Each alert its own id: two decided in the same millisecond are still two against the cap.
          for (const { ids } of decision.shown) store.decide(learnerId, ids, at.toISOString(), clock.day, randomUUID());
        })();
        alerts = decision.shown.map(({ alert }) => alert);
      }
    }
    const state = current.items.map((item) => `${item.id}${item.read ? '+' : '-'}`).join(' ');
    if (alerts.length === 0 && announced.get(learnerId) === state) return;
    announced.set(learnerId, state);
    deps.emit({ type: 'notifications', learnerId, unread: current.unread, alerts });
  };

  const safely = (learnerId: string) => {
    try {
      changed(learnerId);
    } catch (error) {
      logger.error({ err: error, learnerId }, 'notifications: could not update');
    }
  };

  // Items from the server (and marks from the learner's other devices) arrive in the inbox document.
  docs.onSettled((learnerId, key) => {
    if (key === 'inbox') safely(learnerId);
  });

  const mark = (learnerId: string, ids: readonly string[], kind: InboxMark['mark']) => {
    const at = now().toISOString();
    db.transaction(() => {
      if (kind === 'read') store.markRead(learnerId, ids, at);
      else store.dismiss(learnerId, ids, at);
      if (!links.linkOf(learnerId)) return;
      const marks = newMarks(inboxOf(learnerId), ids, kind, at);
      if (marks.length > 0) docs.change(learnerId, 'inbox', (doc) => doc.getArray(SYNC_ROOTS.inbox.name).push(marks));
    })();
    // A linked learner's change also comes back through onSettled; the unread count is told at once either way.
    safely(learnerId);
    return list(learnerId);
  };

  const api: NotificationApi = {
    listNotifications: async ({ session }) => {
      const learnerId = sessions.learnerOf(session);
      // Opening the profile is when alerts held for it are decided.
      safely(learnerId);
      return list(learnerId);
    },
    markNotificationsRead: async ({ session, ids }) => mark(sessions.learnerOf(session), ids, 'read'),
    markAllNotificationsRead: async ({ session }) => {
      const learnerId = sessions.learnerOf(session);
      return mark(
        learnerId,
        list(learnerId)
          .items.filter((item) => !item.read)
          .map((item) => item.id),
        'read',
      );
    },
    dismissNotifications: async ({ session, ids }) => mark(sessions.learnerOf(session), ids, 'dismissed'),
  };

  return {
    api,
    /** A notification made on this device (a local source); an id seen before is not added again. */
    notifyLearner: (learnerId: string, item: Omit<DeviceItem, 'at' | 'link'> & { link?: string; at?: string }) => {
      const added = store.add(learnerId, { ...item, link: item.link ?? null, at: item.at ?? now().toISOString() });
      if (added) safely(learnerId);
      return added;
    },
    /** Runs the alert policy again (quiet hours may have ended). */
    refresh: (learnerId: string) => safely(learnerId),
  };
}
