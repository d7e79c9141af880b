import { create } from 'zustand';
import type { NotificationAlert, NotificationList } from '../../../common/contract/notifications.js';
import { learn, onLearnEvent } from '../learn.js';
import { showBrowserAlert } from './browser-alerts.js';

interface NotificationState {
  /** Of the open learner; null before the first answer. */
  list: NotificationList | null;
  session: string | null;
  load(session: string): Promise<void>;
  apply(list: NotificationList): void;
  reset(): void;
}

/**
 * The open learner's notifications. Loaded when the profile opens; after that the core's `notifications`
 * event says when anything changed (an item arrived, another device marked one read): no polling.
 */
export const useNotifications = create<NotificationState>((set, get) => ({
  list: null,
  session: null,
  async load(session) {
    set({ session });
    const list = await learn().listNotifications({ session });
    if (get().session === session) set({ list });
  },
  apply(list) {
    set({ list });
  },
  reset() {
    set({ list: null, session: null });
  },
}));

/** Subscribes the store to the core's events for `learnerId`; returns the unsubscribe. */
export function followNotifications(
  learnerId: string,
  session: string,
  onAlert: (alert: NotificationAlert) => void = showBrowserAlert,
): () => void {
  // The alerts' words (a burst's "3 review reminders") in the learner's language.
  const unsubscribe = onLearnEvent((event) => {
    if (event.type !== 'notifications' || event.learnerId !== learnerId) return;
    for (const alert of event.alerts) onAlert(alert);
    void useNotifications
      .getState()
      .load(session)
      .catch(() => undefined);
  });
  // Listed once events arrive: the list decides the alerts held for this learner and tells of them as an event.
  void (window.learn?.eventsReady?.() ?? Promise.resolve())
    .then(() => useNotifications.getState().load(session))
    .catch(() => undefined);
  return unsubscribe;
}
