import type { LearnEvent } from '../../common/contract/events.js';
import { routeOfAlert } from '../../common/contract/notifications.js';
import { localized } from '../../common/i18n/localize.js';
import type { Translate } from '../../common/i18n/localize.js';

/** The part of Electron's Notification this uses; tests pass a stand-in because Electron cannot run here. */
export interface SystemNotifications {
  isSupported(): boolean;
  /** Shows one notification; `onClick` runs when the learner clicks it. */
  show(options: { title: string; body: string }, onClick: () => void): void;
}

/**
 * The desktop face's alerts: each alert the core decided on (switches, quiet hours, the day's cap and
 * collapsed bursts were applied there) as a system notification; a click brings the window forward on the
 * item. Returns the unsubscribe.
 */
export function bindDesktopAlerts(
  onEvent: (listener: (event: LearnEvent) => void) => () => void,
  system: SystemNotifications,
  open: (route: string) => void,
  /** The alerts' words in the system's language (the core's catalog); English as they came without one. */
  translate: Translate = (_ref, english) => english,
): () => void {
  if (!system.isSupported()) return () => undefined;
  return onEvent((event) => {
    if (event.type !== 'notifications') return;
    for (const alert of localized(event.alerts, translate)) {
      system.show({ title: alert.title, body: alert.body }, () => open(routeOfAlert(alert)));
    }
  });
}
