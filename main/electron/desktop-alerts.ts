import type { LearnEvent } from '../../common/contract/events.js';
import { routeOfAlert } from '../../common/contract/notifications.js';
import type { NotificationAlert } from '../../common/contract/notifications.js';
import { localized } from '../../common/i18n/localize.js';
import type { Translate } from '../../common/i18n/localize.js';

/**
 * What an alert becomes as Electron's Notification: its options (the app's icon; the app's name comes from
 * app.setName and, on Windows, the AppUserModelID, see app-identity.ts) and where a click leads.
 */
export interface DesktopNotification {
  title: string;
  body: string;
  icon: string;
  /** The app route a click opens: the item in the inbox, or what a collapsed burst is about. */
  route: string;
}

export const desktopNotification = (alert: NotificationAlert, icon: string): DesktopNotification => ({
  title: alert.title,
  body: alert.body,
  icon,
  route: routeOfAlert(alert),
});

/** The part of Electron's Notification this uses; tests pass a stand-in because Electron cannot run here. */
export interface SystemNotifications {
  isSupported(): boolean;
  /** Shows one notification with Electron's options; `onClick` runs when the learner clicks it. */
  show(options: Omit<DesktopNotification, 'route'>, onClick: () => void): void;
}

/**
 * The desktop face's alerts: each alert the core decided on (switches, quiet hours, the day's cap and
 * collapsed bursts were applied there) as a system notification with the app's icon; a click brings the window
 * forward on the item. Returns the unsubscribe.
 */
export function bindDesktopAlerts(
  onEvent: (listener: (event: LearnEvent) => void) => () => void,
  system: SystemNotifications,
  icon: string,
  open: (route: string) => void,
  /**
   * The alerts' words in the language their learner chose in the app (the core's catalog; see shell-language.ts);
   * English as they came without one.
   */
  translateFor: (learnerId: string) => Translate = () => (_ref, english) => english,
): () => void {
  if (!system.isSupported()) return () => undefined;
  return onEvent((event) => {
    if (event.type !== 'notifications') return;
    for (const alert of localized(event.alerts, translateFor(event.learnerId))) {
      const { route, ...options } = desktopNotification(alert, icon);
      system.show(options, () => open(route));
    }
  });
}
