import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { AdminPasswordStore } from './admin-password.js';
import type { LearnerSessions } from './learner-sessions.js';
import { hashPin, verifyPin } from './pin-hash.js';
import { lockMsAfter, wrongTry } from './users-service.js';

export type AdminService = Pick<LearnService, 'getAdminStatus' | 'setAdminPassword' | 'unlockAdmin' | 'lockAdmin'>;

/** How long an unlock lasts: long enough to set up a lab, short enough that a walk away ends it. */
export const ADMIN_SESSION_MS = 15 * 60_000;

interface Deps {
  store: AdminPasswordStore;
  sessions: LearnerSessions;
  now: () => Date;
}

/**
 * The machine admin: one password per machine (scrypt, as PINs), the lock-out of PINs after
 * wrong tries, and admin sessions that end by themselves.
 */
export function createAdminService({ store, sessions, now }: Deps) {
  const unlocked = () => {
    const expiresAt = new Date(now().getTime() + ADMIN_SESSION_MS);
    return { session: sessions.openAdmin(expiresAt), expiresAt: expiresAt.toISOString() };
  };
  const lockedForMs = () => {
    const until = store.get()?.lockedUntil;
    return until ? Math.max(0, Date.parse(until) - now().getTime()) : 0;
  };

  const service: AdminService = {
    getAdminStatus: async () => ({
      passwordSet: store.get() !== undefined,
      lockedForSeconds: Math.ceil(lockedForMs() / 1000),
    }),

    setAdminPassword: async ({ password, session }) => {
      // The first password is whoever sets up the machine; after that only an admin changes it.
      if (store.get()) sessions.requireAdmin(session);
      store.set(await hashPin(password), now());
      sessions.closeAdmins();
      return unlocked();
    },

    unlockAdmin: async ({ password }) => {
      const stored = store.get();
      if (!stored) {
        throw new LearnError('conflict', say('admin-password-unset'));
      }
      const wait = lockedForMs();
      if (wait > 0) {
        throw new LearnError('too-many-attempts', say('admin-password-locked', { seconds: Math.ceil(wait / 1000) }), {
          retryAfterMs: Math.ceil(wait),
        });
      }
      if (await verifyPin(password, stored.hash)) {
        store.recordAttempt(0, null);
        return unlocked();
      }
      const failures = stored.failedAttempts + 1;
      const lock = lockMsAfter(failures);
      store.recordAttempt(failures, lock > 0 ? new Date(now().getTime() + lock).toISOString() : null);
      throw wrongTry('admin-password', lock);
    },

    lockAdmin: async ({ session }) => {
      sessions.closeAdmin(session);
      return null;
    },
  };

  return {
    service,
    /**
     * An admin session for the OS user who owns the data folder (the CLI), only while no admin
     * password is set; once one is, they type it like anyone else.
     */
    ownerSession: (): string => {
      if (store.get()) throw new LearnError('forbidden', say('admin-password-set'));
      return unlocked().session;
    },
  };
}
