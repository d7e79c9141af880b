import { routeOfAlert } from '../../../common/contract/notifications.js';
import type { NotificationAlert } from '../../../common/contract/notifications.js';

/** Electron's main process shows the system's notifications itself; the page does only in a browser. */
const inElectron = () => navigator.userAgent.includes('Electron/');

/** Whether this face can show browser notifications at all, and whether the learner allowed them. */
export function browserAlertState(): 'unsupported' | 'electron' | NotificationPermission {
  if (inElectron()) return 'electron';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/**
 * Shows an alert the core decided on (it already applied the learner's switches, quiet hours, the day's cap
 * and the collapsing of bursts) with the browser's Notification API, when allowed. Clicking it opens the item.
 */
export function showBrowserAlert(alert: NotificationAlert): void {
  if (browserAlertState() !== 'granted') return;
  const shown = new Notification(alert.title, {
    body: alert.body,
    tag: alert.itemId ?? alert.title,
    icon: './favicon.svg',
  });
  shown.onclick = () => {
    window.focus();
    location.hash = routeOfAlert(alert);
    shown.close();
  };
}
