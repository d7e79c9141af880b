import { NOTIFICATION_PREFERENCE } from '../../../common/contract/notifications.js';
import type { NotificationAlert, NotificationKind } from '../../../common/contract/notifications.js';
import type { Preferences } from '../../../common/contract/learners.js';
import { refOf, say } from '../../../common/i18n/message.js';
import type { MessageRef, Said } from '../../../common/i18n/message.js';
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
const BURST: Partial<Record<NotificationKind, (count: number) => Said>> = {
  'reviews-due': (count) => say('alert-reviews-due', { count }),
  'class-message': (count) => say('alert-class-messages', { count }),
  announcement: (count) => say('alert-announcements', { count }),
  'new-assignment': (count) => say('alert-new-assignments', { count }),
  'assignment-due': (count) => say('alert-assignments-due', { count }),
  'struggling-learner': (count) => say('alert-struggling-learners', { count }),
  'pack-update': (count) => say('alert-course-updates', { count }),
};

/** An item's title as said (its reference when the app made it), for a burst's body. */
const titleOf = (candidate: AlertCandidate): Said | string =>
  candidate.titleI18n ? { ...candidate.titleI18n, text: candidate.title } : candidate.title;

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
    const { title, body, titleI18n, bodyI18n, id, link } = newest!;
    const refs = { ...(titleI18n ? { titleI18n } : {}), ...(bodyI18n ? { bodyI18n } : {}) };
    return { title, body, ...refs, itemId: id, link: link ?? INBOX_LINK };
  }
  const title = BURST[kind as NotificationKind]?.(burst.length) ?? say('alert-notifications', { count: burst.length });
  const [a, b, c] = burst.slice(0, 3).map(titleOf) as [Said | string, Said | string, Said | string | undefined];
  const body =
    c === undefined
      ? say('alert-titles-2', { a, b })
      : burst.length > 3
        ? say('alert-titles-more', { a, b, c, count: burst.length - 3 })
        : say('alert-titles-3', { a, b, c });
  return {
    title: title.text,
    body: body.text,
    titleI18n: refOf(title),
    bodyI18n: refOf(body),
    itemId: null,
    link: INBOX_LINK,
  };
}
