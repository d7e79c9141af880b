import { randomUUID } from 'node:crypto';
import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import { preferencesSchema } from '../../../common/contract/learners.js';
import type { Learner, LearnerSession, PreferencesUpdate } from '../../../common/contract/learners.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { ProgressLog } from '../progress/progress-log.js';
import type { LearnerStore, StoredLearner } from './learner-store.js';
import type { LearnerSessions } from './learner-sessions.js';
import { mergePreferences } from './merge-preferences.js';
import { hashPin, verifyPin } from './pin-hash.js';

export type UsersService = Pick<
  LearnService,
  | 'listLearners'
  | 'createLearner'
  | 'openLearnerSession'
  | 'closeLearnerSession'
  | 'getLearner'
  | 'updateProfile'
  | 'getUserPreferences'
  | 'updatePreferences'
  | 'setPin'
  | 'removeLearner'
>;

/** Typos are free; after that every wrong PIN doubles the wait, up to a quarter of an hour. */
const FREE_ATTEMPTS = 3;
const FIRST_LOCK_MS = 5_000;
const MAX_LOCK_MS = 15 * 60_000;
export const lockMsAfter = (failures: number): number =>
  failures <= FREE_ATTEMPTS ? 0 : Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS - 1));

/**
 * A wrong PIN or password. The try that starts a lockout says so at once, with the wait, so a face
 * counts down before the next try is refused rather than after.
 */
export const wrongTry = (what: 'pin' | 'admin-password', lockMs: number): LearnError => {
  const seconds = lockMs / 1000;
  if (lockMs === 0) return new LearnError('forbidden', what === 'pin' ? say('pin-wrong') : say('admin-password-wrong'));
  const said = what === 'pin' ? say('pin-wrong-locked', { seconds }) : say('admin-password-wrong-locked', { seconds });
  return new LearnError('too-many-attempts', said, { retryAfterMs: lockMs });
};

const publicView = ({ pinHash: _h, failedPins: _f, lockedUntil: _l, ...learner }: StoredLearner): Learner => learner;

interface Deps {
  db: SqliteDatabase;
  learners: LearnerStore;
  sessions: LearnerSessions;
  log: ProgressLog;
  /** Writes the learner's export file and returns its path (removal exports first). */
  exportLearner: (learnerId: string) => Promise<{ file: string }>;
  now: () => Date;
  /** Sync's mirror of the preferences: told of a change inside its transaction, and of removals. */
  sync?: {
    preferencesChanged(learnerId: string, update: PreferencesUpdate): void;
    learnerRemoved(learnerId: string): void;
  };
}

/** The seed's user management, on the device: local profiles, PINs, preferences. */
export function createUsersService({ db, learners, sessions, log, exportLearner, now, sync }: Deps): UsersService {
  const learnerOf = (session: string): StoredLearner => {
    const learner = learners.find(sessions.learnerOf(session));
    if (!learner) throw new LearnError('not-found', say('profile-removed'));
    return learner;
  };

  const checkPin = async (learner: StoredLearner, pin: string | undefined) => {
    if (!learner.pinHash) return;
    const wait = learner.lockedUntil ? Date.parse(learner.lockedUntil) - now().getTime() : 0;
    if (wait > 0) {
      throw new LearnError(
        'too-many-attempts',
        say('pin-locked', { name: learner.displayName, seconds: Math.ceil(wait / 1000) }),
        { retryAfterMs: Math.ceil(wait) },
      );
    }
    if (pin === undefined) throw new LearnError('forbidden', say('profile-needs-pin', { name: learner.displayName }));
    if (await verifyPin(pin, learner.pinHash)) {
      learners.recordPinResult(learner.id, 0, null);
      return;
    }
    const failures = learner.failedPins + 1;
    const lock = lockMsAfter(failures);
    learners.recordPinResult(learner.id, failures, lock > 0 ? new Date(now().getTime() + lock).toISOString() : null);
    throw wrongTry('pin', lock);
  };

  const opened = (learnerId: string): LearnerSession => ({
    session: sessions.open(learnerId),
    learner: publicView(learners.find(learnerId)!),
  });

  return {
    listLearners: async () => learners.list(),

    createLearner: async ({ profile, pin }) => {
      const id = randomUUID();
      const pinHash = pin === undefined ? null : await hashPin(pin);
      const preferences = preferencesSchema.parse({});
      learners.insert({ id, profile, preferences, pinHash, createdAt: now().toISOString() });
      return opened(id);
    },

    openLearnerSession: async ({ learnerId, pin }) => {
      const learner = learners.find(learnerId);
      if (!learner) throw new LearnError('not-found', say('profile-unknown'));
      await checkPin(learner, pin);
      return opened(learnerId);
    },

    closeLearnerSession: async ({ session }) => {
      sessions.close(session);
      return null;
    },

    getLearner: async ({ session }) => publicView(learnerOf(session)),

    updateProfile: async ({ session, profile }) => {
      const learner = learnerOf(session);
      learners.updateProfile(learner.id, {
        displayName: profile.displayName ?? learner.displayName,
        avatar: profile.avatar ?? learner.avatar,
        goals: profile.goals ?? learner.goals,
      });
      return publicView(learners.find(learner.id)!);
    },

    getUserPreferences: async ({ session }) => learnerOf(session).preferences,

    updatePreferences: async ({ session, preferences }) => {
      const learner = learnerOf(session);
      const merged = mergePreferences(learner.preferences, preferences);
      db.transaction(() => {
        learners.updatePreferences(learner.id, merged);
        sync?.preferencesChanged(learner.id, preferences);
      })();
      return merged;
    },

    setPin: async ({ session, pin }) => {
      const learner = learnerOf(session);
      learners.setPinHash(learner.id, pin === null ? null : await hashPin(pin));
      return null;
    },

    // An admin's action (the gate checked the session): the profile goes for everyone on the machine.
    removeLearner: async ({ learnerId, confirmName }) => {
      const learner = learners.find(learnerId);
      if (!learner) throw new LearnError('not-found', say('profile-unknown'));
      if (confirmName.trim() !== learner.displayName) {
        throw new LearnError('invalid-input', say('profile-remove-confirm', { name: learner.displayName }));
      }
      const { file } = await exportLearner(learner.id);
      db.transaction(() => {
        log.forget(learner.id);
        learners.remove(learner.id);
      })();
      sessions.closeAllOf(learner.id);
      sync?.learnerRemoved(learner.id);
      return { exportFile: file };
    },
  };
}
