import type { LearnEvent } from '../../../common/contract/events.js';
import type { NotificationKind } from '../../../common/contract/notifications.js';
import type { Preferences } from '../../../common/contract/learners.js';
import { refOf, say } from '../../../common/i18n/message.js';
import type { MessageRef, Said } from '../../../common/i18n/message.js';
import { localClock } from './local-clock.js';

/** What a source hands the service: the id names the occasion, so firing twice makes one item. */
export interface LocalNotice {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  titleI18n?: MessageRef;
  bodyI18n?: MessageRef;
  link?: string;
}

/** A notice's title and body: English, with the references each face says in its learner's language. */
const words = (title: Said, body: Said) => ({
  title: title.text,
  body: body.text,
  titleI18n: refOf(title),
  bodyI18n: refOf(body),
});

/** What the sources read of a learner at a moment. */
export interface LearnerMoment {
  /** Reviews whose due time has passed. */
  reviewsDue: number;
  streakDays: number;
  /** Any activity today (local day), and the time on task today. */
  activeToday: boolean;
  todayMs: number;
  preferences: Preferences;
}

/** From this hour (local) a streak without activity today is about to break. */
const STREAK_WARNING_MINUTES = 18 * 60;

/**
 * The core's own sources, checked for an open learner each minute and when something happens: reviews due
 * today, a streak about to break, the daily goal reached. Pure over the learner's moment and the clock.
 */
export function noticesAt(moment: LearnerMoment, now: Date, timeZone?: string): LocalNotice[] {
  const { day, minutes } = localClock(now, timeZone);
  const notices: LocalNotice[] = [];
  if (moment.reviewsDue > 0) {
    notices.push({
      id: `reviews-due/${day}`,
      kind: 'reviews-due',
      ...words(say('notice-reviews-due', { count: moment.reviewsDue }), say('notice-reviews-due-body')),
      link: '#/',
    });
  }
  if (moment.streakDays > 0 && !moment.activeToday && minutes >= STREAK_WARNING_MINUTES) {
    notices.push({
      id: `streak/${day}`,
      kind: 'streak',
      ...words(say('notice-streak', { count: moment.streakDays }), say('notice-streak-body')),
      link: '#/',
    });
  }
  if (moment.todayMs >= moment.preferences.dailyGoalMinutes * 60_000) {
    notices.push({
      id: `daily-goal/${day}`,
      kind: 'daily-goal',
      ...words(
        say('notice-daily-goal'),
        say('notice-daily-goal-body', { minutes: Math.round(moment.todayMs / 60_000) }),
      ),
      link: '#/progress',
    });
  }
  return notices;
}

/** Notices from the core's events, for every open learner: a sandbox image ready after loading. */
export function noticeOfEvent(event: LearnEvent, now: Date, timeZone?: string): LocalNotice | null {
  if (event.type === 'sandbox-image-progress' && event.percent >= 100) {
    return {
      id: `sandbox-ready/${event.runtime}/${localClock(now, timeZone).day}`,
      kind: 'sandbox-ready',
      ...words(say('notice-sandbox-ready'), say('notice-sandbox-ready-body', { runtime: event.runtime })),
    };
  }
  return null;
}

/** A pack installed or upgraded (by an admin on this machine, or a feed). */
export const packNotice = (pack: { packId: string; version: string; previousVersion: string | null }): LocalNotice => ({
  id: `pack-update/${pack.packId}/${pack.version}`,
  kind: 'pack-update',
  ...(pack.previousVersion
    ? words(
        say('notice-pack-updated', { pack: pack.packId, version: pack.version }),
        say('notice-pack-updated-body', { version: pack.version, previous: pack.previousVersion }),
      )
    : words(say('notice-pack-new', { pack: pack.packId }), say('notice-pack-new-body', { version: pack.version }))),
  link: '#/',
});

/**
 * A newer version of an installed pack on the class server that is not installed yet (its download failed, or the
 * install was refused and waits for a machine admin): one notice per pack and version.
 */
export const packAvailableNotice = (pack: {
  packId: string;
  version: string;
  installedVersion: string;
}): LocalNotice => ({
  id: `pack-available/${pack.packId}/${pack.version}`,
  kind: 'pack-update',
  ...words(
    say('notice-pack-available', { pack: pack.packId }),
    say('notice-pack-available-body', { version: pack.version, installed: pack.installedVersion }),
  ),
  link: '#/settings',
});

/** An assignment due within a day (the assignments room calls the core's hook with it). */
export const assignmentDueNotice = (assignment: {
  id: string;
  title: string;
  dueAt: string;
  link?: string;
}): LocalNotice => ({
  id: `assignment-due/${assignment.id}`,
  kind: 'assignment-due',
  ...words(
    say('notice-assignment-due', { title: assignment.title }),
    say('notice-assignment-due-body', { dueAt: assignment.dueAt }),
  ),
  ...(assignment.link ? { link: assignment.link } : {}),
});
