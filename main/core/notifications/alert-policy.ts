import { NOTIFICATION_PREFERENCE } from '../../../common/contract/notifications.js';
import type { NotificationAlert, NotificationKind } from '../../../common/contract/notifications.js';
import type { Preferences } from '../../../common/contract/learners.js';
import type { MessageRef } from '../../../common/i18n/message.js';
import { inQuietHours } from './local-clock.js';
import type { LocalClock } from './local-clock.js';

/** An item not yet decided on: new in the inbox or made by this device, unread. */
export interface AlertCandidate {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  at: string;
  titleI18n?: MessageRef;
  bodyI18n?: MessageRef;
}

export interface AlertDecision {
  /** What to show now, at most one per kind, with the items each stands for. */
  shown: { alert: NotificationAlert; ids: string[] }[];
  /** Decided: not alerted, ever (its kind is off, alerts are off, or the day's cap is reached); the inbox keeps it. */
  suppressed: string[];
  /** Quiet hours: left undecided, to be alerted once they end. */
  deferred: string[];
}

/** The inbox screen, which a burst of mixed items opens. */
export const INBOX_LINK = '#/notifications';

/** How a burst of one kind is said once. */
const BURST: Partial<Record<NotificationKind, (n: number) => string>> = {
  'reviews-due': (n) => `${n} review reminders`,
  'class-message': (n) => `${n} messages from your class`,
  announcement: (n) => `${n} announcements`,
  'new-assignment': (n) => `${n} new assignments`,
  'assignment-due': (n) => `${n} assignments due soon`,
  'struggling-learner': (n) => `${n} learners may need help`,
  'pack-update': (n) => `${n} course updates`,
};

const preferenceOf = (kind: string) => NOTIFICATION_PREFERENCE[kind as NotificationKind] as string | undefined;

/**
 * Decides which new items become desktop or browser alerts, given the learner's settings and the local
 * clock: a kind switched off is never alerted; in quiet hours nothing is (the items wait); each kind's
 * burst becomes one alert ("3 messages from your class"), newest kinds first, until the day's cap. Pure:
 * the clock is given, so tests run it at any hour.
 */
export function decideAlerts(input: {
  candidates: readonly AlertCandidate[];
  settings: Preferences['notifications'];
  clock: LocalClock;
  /** Alerts already shown today (the cap counts alerts, not items). */
  shownToday: number;
}): AlertDecision {
  const { settings } = input;
  const decision: AlertDecision = { shown: [], suppressed: [], deferred: [] };
  const wanted: AlertCandidate[] = [];
  for (const candidate of input.candidates) {
    const preference = preferenceOf(candidate.kind) ?? 'classMessages';
    const on = settings.desktop && (settings as Record<string, unknown>)[preference] !== false;
    if (on) wanted.push(candidate);
    else decision.suppressed.push(candidate.id);
  }
  if (wanted.length === 0) return decision;
  if (settings.quietHours && inQuietHours(input.clock.minutes, settings.quietFrom, settings.quietTo)) {
    decision.deferred.push(...wanted.map((candidate) => candidate.id));
    return decision;
  }
  const bursts = new Map<string, AlertCandidate[]>();
  for (const candidate of [...wanted].sort((a, b) => b.at.localeCompare(a.at))) {
    bursts.set(candidate.kind, [...(bursts.get(candidate.kind) ?? []), candidate]);
  }
  let left = Math.max(0, settings.dailyCap - input.shownToday);
  for (const [kind, burst] of bursts) {
    const ids = burst.map((candidate) => candidate.id);
    if (left === 0) {
      decision.suppressed.push(...ids);
      continue;
    }
    left -= 1;
    decision.shown.push({ alert: alertOf(kind, burst), ids });
  }
  return decision;
}

/** One item as itself; a burst as its count, its newest titles, and the inbox to open. */
function alertOf(kind: string, burst: readonly AlertCandidate[]): NotificationAlert {
  const [newest] = burst;
  if (burst.length === 1) {
    return { title: newest!.title, body: newest!.body, itemId: newest!.id, link: newest!.link ?? INBOX_LINK };
  }
  const title = BURST[kind as NotificationKind]?.(burst.length) ?? `${burst.length} new notifications`;
  const titles = burst.slice(0, 3).map((candidate) => candidate.title);
  const more = burst.length > 3 ? ` and ${burst.length - 3} more` : '';
  return { title, body: `${titles.join('; ')}${more}`, itemId: null, link: INBOX_LINK };
}
