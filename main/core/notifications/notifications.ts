import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import { mayCompose } from '../../../common/contract/notifications.js';
import type { SyncAccount } from '../../../common/contract/sync-wire.js';
import type { Logger } from '../../../infra/log/logger.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { ReviewSchedule } from '../adaptive/policy/review-schedule.js';
import type { ProgressReader } from '../progress/progress-reader.js';
import type { LocalDocs } from '../sync/local-docs.js';
import type { SyncStore } from '../sync/sync-store.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import type { LearnerStore } from '../users/learner-store.js';
import { assignmentDueNotice, noticeOfEvent, noticesAt, packAvailableNotice, packNotice } from './local-sources.js';
import type { LocalNotice } from './local-sources.js';
import { createNotificationService } from './notification-service.js';
import { sendMessage } from './send-client.js';

/** How often the clock-driven sources (reviews due, a streak at risk, quiet hours ending) are looked at. */
const TICK_MS = 60_000;

interface Deps {
  db: SqliteDatabase;
  docs: LocalDocs;
  links: Pick<SyncStore, 'linkOf'>;
  learners: LearnerStore;
  sessions: LearnerSessions;
  reviews: Pick<ReviewSchedule, 'schedule'>;
  reader: Pick<ProgressReader, 'summary'>;
  /** The class server, a live access token of a linked learner and the role it carries (the sync service's). */
  signedIn(learnerId: string): Promise<{ serverUrl: string; accessToken: string; role: SyncAccount['role'] }>;
  subscribe(listener: (event: LearnEvent) => void): () => void;
  emit(event: LearnEvent): void;
  now: () => Date;
  timeZone?: string;
  logger: Logger;
}

/** Minutes to subtract from UTC for local time, as Date#getTimezoneOffset gives (the progress summary's unit). */
function offsetMinutes(now: Date, timeZone?: string): number {
  if (!timeZone) return now.getTimezoneOffset();
  const wall = new Date(now.toLocaleString('en-US', { timeZone }));
  const utc = new Date(now.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Math.round((utc.getTime() - wall.getTime()) / 60_000);
}

/**
 * The notifications feature as the composition root wires it: the service and its API, the core's local
 * sources (on a timer and on the core's events), the send call, and the hooks other core parts call.
 */
export function createNotifications(deps: Deps) {
  const { learners, sessions, now, timeZone, logger } = deps;
  const service = createNotificationService(deps);

  const add = (learnerId: string, notice: LocalNotice) => service.notifyLearner(learnerId, notice);

  /** The learner's reviews due at `at`, by their own retention target. */
  const dueOf = (learnerId: string, retention: number, at: Date) =>
    deps.reviews.schedule(learnerId, retention).filter((review) => review.due <= at.toISOString()).length;

  const checkSources = (learnerId: string) => {
    const learner = learners.find(learnerId);
    if (!learner) return;
    const at = now();
    const due = dueOf(learnerId, learner.preferences.desiredRetention, at);
    const summary = deps.reader.summary(learnerId, { tzOffsetMinutes: offsetMinutes(at, timeZone), days: 1, now: at });
    const today = summary.days.at(-1);
    const notices = noticesAt(
      {
        reviewsDue: due,
        streakDays: summary.streakDays,
        activeToday: (today?.events ?? 0) > 0,
        todayMs: today?.timeMs ?? 0,
        preferences: learner.preferences,
      },
      at,
      timeZone,
    );
    for (const notice of notices) add(learnerId, notice);
    // Quiet hours may have ended since the last look: held alerts go out now.
    service.refresh(learnerId);
  };

  const tick = () => {
    for (const learnerId of sessions.openLearners()) {
      try {
        checkSources(learnerId);
      } catch (error) {
        logger.error({ err: error, learnerId }, 'notifications: a source failed');
      }
    }
  };
  const timer = setInterval(tick, TICK_MS).unref();
  const unsubscribe = deps.subscribe((event) => {
    const notice = noticeOfEvent(event, now(), timeZone);
    if (notice) for (const learnerId of sessions.openLearners()) add(learnerId, notice);
  });

  const api: Pick<LearnService, keyof typeof service.api | 'sendNotification'> = {
    ...service.api,
    listNotifications: async (input) => {
      checkSources(sessions.learnerOf(input.session));
      return service.api.listNotifications(input);
    },
    sendNotification: async ({ session, message }) => {
      const { serverUrl, accessToken, role } = await deps.signedIn(sessions.learnerOf(session));
      // The server refuses too; saying it here names the reason and costs no request (nor the rate limit).
      if (!mayCompose(role)) {
        throw new LearnError('forbidden', say('send-learner-refused', { server: serverUrl }));
      }
      return sendMessage(serverUrl, accessToken, message);
    },
  };

  return {
    api,
    /**
     * The reviews due now for the profiles open here (the desktop tray's count; one profile is open in a window);
     * null when none is open, so the tray shows nobody's count.
     */
    reviewsDue: (): number | null => {
      const open = [...sessions.openLearners()].flatMap((id) => learners.find(id) ?? []);
      if (open.length === 0) return null;
      const at = now();
      return open.reduce((sum, learner) => sum + dueOf(learner.id, learner.preferences.desiredRetention, at), 0);
    },
    /** The sources' timer, run now (tests; the app runs it each minute). */
    tick,
    /** A pack installed here: every open learner hears of it. */
    packInstalled: (pack: { packId: string; version: string; previousVersion: string | null }) => {
      for (const learnerId of sessions.openLearners()) add(learnerId, packNotice(pack));
    },
    /** A newer version of an installed pack waits on the class server: every open learner hears of it once. */
    packAvailable: (pack: { packId: string; version: string; installedVersion: string }) => {
      for (const learnerId of sessions.openLearners()) add(learnerId, packAvailableNotice(pack));
    },
    /** The assignments room's hook: an assignment of this learner is due soon. */
    assignmentDue: (learnerId: string, assignment: { id: string; title: string; dueAt: string; link?: string }) =>
      add(learnerId, assignmentDueNotice(assignment)),
    close: () => {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
