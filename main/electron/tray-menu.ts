import type { LearnEvent } from '../../common/contract/events.js';
import type { Translate } from '../../common/i18n/localize.js';
import { say } from '../../common/i18n/message.js';
import { APP_NAME } from './app-identity.js';
import { english, speaker } from './shell-language.js';
import type { MenuEntry } from './policy/app-menu.js';
import { APP_ENTRY } from './policy/app-protocol.js';

/** Where "N reviews due" leads: home, whose first panel is the reviews due. */
export const REVIEWS_TARGET = `${APP_ENTRY}#/`;

/** The tray icon's tooltip: the reviews due, so a learner sees them without opening the app. */
export function trayTooltip(reviewsDue: number | null, translate: Translate = english): string {
  if (reviewsDue === null) return APP_NAME;
  const words = speaker(translate);
  return reviewsDue === 0
    ? words(say('tray-tooltip-no-reviews', { app: APP_NAME }))
    : words(say('tray-tooltip-reviews', { app: APP_NAME, count: reviewsDue }));
}

export interface TrayModel {
  tooltip: string;
  /** Electron's Menu template, minus the clicks (`show` brings the window forward, `go` opens a screen). */
  menu: MenuEntry[];
}

/**
 * The tray: its tooltip and menu for the reviews due now (null: no profile is open here, so nobody's count).
 * "Reviews due" is there only with a count, and leads to them only when there are some.
 */
export function trayModel(reviewsDue: number | null, translate: Translate = english): TrayModel {
  const words = speaker(translate);
  return {
    tooltip: trayTooltip(reviewsDue, translate),
    menu: [
      { label: words(say('tray-open', { app: APP_NAME })), show: true },
      ...(reviewsDue === null
        ? []
        : [
            reviewsDue > 0
              ? { label: words(say('tray-review-now', { count: reviewsDue })), go: REVIEWS_TARGET }
              : { label: words(say('tray-no-reviews')), enabled: false },
          ]),
      { type: 'separator' },
      { label: words(say('tray-quit')), role: 'quit' },
    ],
  };
}

/** The part of Electron's Tray this uses (a stand-in in tests: Electron cannot run here). */
export interface TrayPort {
  setToolTip(text: string): void;
  setMenu(model: TrayModel): void;
}

/** The core's events after which the count may have changed: reviews done or synced in, packs changed, reminders. */
const RECOUNT_ON: ReadonlySet<LearnEvent['type']> = new Set(['notifications', 'sync-status', 'catalog-changed']);

/**
 * Keeps the tray's tooltip and menu on the reviews due: recounted on the core's events and whenever `refresh`
 * is called (main.ts calls it on a timer, as reviews fall due with time, and when the window loses focus, after
 * a review). The tray is touched only when what it shows changes. Returns `refresh` and the unsubscribe.
 */
export function bindTray(
  onEvent: (listener: (event: LearnEvent) => void) => () => void,
  tray: TrayPort,
  reviewsDue: () => number | null,
  /** The words in the open profiles' language, asked at each refresh: a profile opened or chose another. */
  translate: () => Translate = () => english,
): { refresh(): void; stop(): void } {
  let shown: string | undefined;
  const refresh = () => {
    let count: number | null;
    try {
      count = reviewsDue();
    } catch {
      // The core is closing or a profile's data is unreadable: the tray says only the app's name.
      count = null;
    }
    const model = trayModel(count, translate());
    const text = JSON.stringify(model);
    if (text === shown) return;
    shown = text;
    tray.setToolTip(model.tooltip);
    tray.setMenu(model);
  };
  const unsubscribe = onEvent((event) => {
    if (RECOUNT_ON.has(event.type)) refresh();
  });
  refresh();
  return { refresh, stop: unsubscribe };
}
