import type { LearnEvent } from '../../../common/contract/events.js';
import type { NotificationKind } from '../../../common/contract/notifications.js';
import type { Preferences } from '../../../common/contract/learners.js';
import { counted } from '../../../common/plural.js';
import { localClock } from './local-clock.js';

/** What a source hands the service: the id names the occasion, so firing twice makes one item. */
export interface LocalNotice {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string;
}

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
      title: `${counted(moment.reviewsDue, 'review')} due`,
      body: 'A few minutes of review today keeps what you learned.',
      link: '#/',
    });
  }
  if (moment.streakDays > 0 && !moment.activeToday && minutes >= STREAK_WARNING_MINUTES) {
    notices.push({
      id: `streak/${day}`,
      kind: 'streak',
      title: `Your ${counted(moment.streakDays, 'day')} streak ends at midnight`,
      body: 'One lesson or exercise today keeps it going.',
      link: '#/',
    });
  }
  if (moment.todayMs >= moment.preferences.dailyGoalMinutes * 60_000) {
    notices.push({
      id: `daily-goal/${day}`,
      kind: 'daily-goal',
      title: 'Daily goal reached',
      body: `You practised ${Math.round(moment.todayMs / 60_000)} minutes today. Well done.`,
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
      title: 'Code exercises are ready',
      body: `The ${event.runtime} sandbox finished loading: exercises run now.`,
    };
  }
  return null;
}

/** A pack installed or upgraded (by an admin on this machine, or a feed). */
export const packNotice = (pack: { packId: string; version: string; previousVersion: string | null }): LocalNotice => ({
  id: `pack-update/${pack.packId}/${pack.version}`,
  kind: 'pack-update',
  title: pack.previousVersion ? `Course updated: ${pack.packId} ${pack.version}` : `New course: ${pack.packId}`,
  body: pack.previousVersion
    ? `Version ${pack.version} replaced ${pack.previousVersion}; your progress stays.`
    : `Version ${pack.version} is installed.`,
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
  title: `A new version of ${pack.packId} is available`,
  body: `Version ${pack.version} is on the class server; this machine has ${pack.installedVersion}. It installs by itself when it can; Settings shows why it has not yet.`,
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
  title: `Due soon: ${assignment.title}`,
  body: `Due ${new Date(assignment.dueAt).toLocaleString()}.`,
  ...(assignment.link ? { link: assignment.link } : {}),
});
