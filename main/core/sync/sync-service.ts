import { randomInt } from 'node:crypto';
import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { SyncStatus } from '../../../common/contract/sync.js';
import type { SyncAccount } from '../../../common/contract/sync-wire.js';
import type { Logger } from '../../../infra/log/logger.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import type { ProgressLog } from '../progress/progress-log.js';
import type { LearnerSessions } from '../users/learner-sessions.js';
import { AuthCallError, authClient } from './auth-client.js';
import type { AuthClient, Tokens } from './auth-client.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import type { BackoffOptions } from './backoff.js';
import { isTermKey } from '../../../common/contract/sync-docs.js';
import type { DocKey } from '../../../common/contract/sync-docs.js';
import { LearnerSync } from './learner-sync.js';
import type { LocalDocs } from './local-docs.js';
import type { DraftsMirror } from './drafts-mirror.js';
import type { PrefsMirror } from './prefs-mirror.js';
import type { ProgressMirror } from './progress-mirror.js';
import type { SyncLink, SyncStore } from './sync-store.js';

export type SyncApi = Pick<
  LearnService,
  'linkSyncAccount' | 'unlinkSyncAccount' | 'syncNow' | 'getSyncStatus' | 'getSyncVisibility'
>;

export type SyncOptions = Partial<BackoffOptions>;

/** How another service reaches the learner's class server as them (see `access`). */
export interface ClassServerAccess {
  serverUrl: string;
  accountId: string;
  token: string;
  role: SyncAccount['role'];
}

interface Deps {
  db: SqliteDatabase;
  sessions: LearnerSessions;
  store: SyncStore;
  docs: LocalDocs;
  log: ProgressLog;
  progress: ProgressMirror;
  prefs: PrefsMirror;
  drafts: DraftsMirror;
  emit: (event: LearnEvent) => void;
  now: () => Date;
  logger: Logger;
  options?: SyncOptions;
  auth?: AuthClient;
}

const UNLINKED: Omit<SyncStatus, 'refused'> = {
  state: 'unlinked',
  serverUrl: null,
  syncedAt: null,
  pending: 0,
  message: null,
};

/** Yjs clientIDs are unsigned 32-bit numbers. */
const newClientId = () => randomInt(0, 2 ** 32 - 1);

const loginError = (error: unknown): Error => {
  if (!(error instanceof AuthCallError)) return error as Error;
  if (error.failure === 'rejected') return new LearnError('forbidden', say('sign-in-wrong'));
  if (error.failure === 'rate-limited') return new LearnError('too-many-attempts', say('sign-in-rate-limited'));
  return error.toLearnError('unavailable');
};

/**
 * The sync API and the linked learners' sync sessions. Long-running faces start them all
 * (`startAll`); a one-shot program does not, and a learner's own sync calls start theirs. Status
 * changes go to the faces as `sync-status`.
 */
export function createSyncService(deps: Deps) {
  const { db, sessions, store, docs, log, progress, prefs, drafts, now, logger } = deps;
  const auth = deps.auth ?? authClient;
  const backoff = { ...DEFAULT_BACKOFF, ...deps.options };
  const running = new Map<string, LearnerSync>();
  const announced = new Map<string, string>();

  const statusOf = (learnerId: string): SyncStatus => ({
    ...(running.get(learnerId)?.status() ?? UNLINKED),
    refused: progress.refusedOf(learnerId),
  });

  const changed = (learnerId: string) => {
    const status = statusOf(learnerId);
    const text = JSON.stringify(status);
    if (announced.get(learnerId) === text) return;
    announced.set(learnerId, text);
    deps.emit({ type: 'sync-status', learnerId, status });
  };

  /** An update from the server, with what it means for the event log, preferences or drafts, in one transaction. */
  const receive = (learnerId: string, key: DocKey, update: Uint8Array) => {
    const refused = progress.refusedOf(learnerId);
    docs.applyRemote(learnerId, key, update, (doc, keys) => {
      if (key === 'prefs') prefs.received(learnerId, doc, keys);
      else if (key === 'notes') drafts.received(learnerId, doc);
      else if (isTermKey(key))
        progress.received(learnerId, doc, keys, (events, options) => log.appendInTransaction(events, options));
    });
    // The faces show the new count of refused events at once.
    if (progress.refusedOf(learnerId) !== refused) changed(learnerId);
  };

  const start = (link: SyncLink, tokens?: Tokens) => {
    const { learnerId } = link;
    const sync = new LearnerSync(
      {
        link,
        store,
        docs,
        auth,
        receive: (key, update) => receive(learnerId, key, update),
        prefsArrived: () => db.transaction(() => prefs.seed(learnerId))(),
        changed: () => changed(learnerId),
        backoff,
        now,
        logger,
      },
      tokens,
    );
    running.set(learnerId, sync);
    sync.start();
  };

  const stop = (learnerId: string) => {
    running.get(learnerId)?.stop();
    running.delete(learnerId);
    docs.forget(learnerId);
  };

  /** A linked learner's sync, started if this program has not started it yet. */
  const ensure = (learnerId: string) => {
    const link = store.linkOf(learnerId);
    if (link && !running.has(learnerId)) start(link);
  };

  docs.onSettled((learnerId, key, outgoing) => {
    running.get(learnerId)?.localChange(key as DocKey, outgoing);
    changed(learnerId);
  });

  const api: SyncApi = {
    linkSyncAccount: async ({ session, serverUrl, email, password }) => {
      const learnerId = sessions.learnerOf(session);
      const url = serverUrl.replace(/\/+$/, '');
      const tokens = await auth.login(url, email, password).catch((error: unknown) => {
        throw loginError(error);
      });
      stop(learnerId);
      const link: SyncLink = { learnerId, serverUrl: url, accountId: tokens.account.id, linkedAt: now().toISOString() };
      db.transaction(() => {
        store.link(link, tokens.refreshToken, newClientId());
        // Events recorded before the link (or while unlinked) join the documents now.
        progress.backfill(log.events(learnerId));
        drafts.backfill(learnerId);
      })();
      logger.info({ learnerId, serverUrl: url, accountId: link.accountId }, 'sync: linked');
      start(link, tokens);
      return statusOf(learnerId);
    },

    unlinkSyncAccount: async ({ session }) => {
      const learnerId = sessions.learnerOf(session);
      const link = store.linkOf(learnerId);
      if (!link) return statusOf(learnerId);
      const refreshToken = store.refreshToken(learnerId);
      stop(learnerId);
      store.unlink(learnerId);
      changed(learnerId);
      // Signing out only revokes the token on the server; unreachable, it lapses there on its own.
      if (refreshToken) {
        await auth.logout(link.serverUrl, refreshToken).catch((error: unknown) => {
          logger.info({ err: error, learnerId }, 'sync: the server was not told of the sign-out');
        });
      }
      return statusOf(learnerId);
    },

    syncNow: async ({ session }) => {
      const learnerId = sessions.learnerOf(session);
      if (running.has(learnerId)) running.get(learnerId)!.syncNow();
      else ensure(learnerId);
      return statusOf(learnerId);
    },

    getSyncStatus: async ({ session }) => {
      const learnerId = sessions.learnerOf(session);
      ensure(learnerId);
      return statusOf(learnerId);
    },

    // A line in Settings, not a sync step: a server that cannot be asked now leaves it out (null).
    getSyncVisibility: async ({ session }) => {
      const learnerId = sessions.learnerOf(session);
      ensure(learnerId);
      const link = store.linkOf(learnerId);
      const sync = running.get(learnerId);
      if (!link || !sync) return null;
      try {
        return await auth.visibility(link.serverUrl, await sync.accessToken());
      } catch (error) {
        logger.info({ err: error }, 'sync: could not ask the server who can see this progress');
        return null;
      }
    },
  };

  const access = async (learnerId: string): Promise<ClassServerAccess> => {
    const link = store.linkOf(learnerId);
    if (!link) throw new LearnError('forbidden', say('class-sign-in-first'));
    ensure(learnerId);
    try {
      const { token, role } = await running.get(learnerId)!.access();
      return { serverUrl: link.serverUrl, accountId: link.accountId, token, role };
    } catch (error) {
      if (!(error instanceof AuthCallError)) throw error;
      if (error.failure === 'rejected') {
        throw new LearnError('forbidden', say('sign-in-expired'));
      }
      // Renewing the sign-in is a call to the same class server: said as the class server's own calls say it.
      if (error.failure === 'unreachable') {
        throw new LearnError(
          'unavailable',
          say('class-server-unreachable', { url: link.serverUrl, reason: error.reason ?? error.said }),
        );
      }
      throw error.toLearnError('unavailable');
    }
  };

  return {
    api,
    /**
     * What another core service needs to call the learner's class server as them: its address, the account,
     * a fresh access token and the role it carries. Refused in words a learner can act on.
     */
    access,
    /**
     * The linked server, a live access token of a learner and the role it carries, for calls beside the sync
     * (sending a message).
     */
    signedIn: async (
      learnerId: string,
    ): Promise<{ serverUrl: string; accessToken: string; role: SyncAccount['role'] }> => {
      const { serverUrl, token, role } = await access(learnerId);
      return { serverUrl, accessToken: token, role };
    },
    /** Every linked learner syncs in the background from now on, whoever has their profile open. */
    startAll: () => {
      for (const link of store.links()) ensure(link.learnerId);
    },
    /**
     * A signed-in account's server and a fresh access token, for the pack feed: the first linked learner whose
     * sign-in still works, or null when none is linked or every server is out of reach.
     */
    serverAccess: async (): Promise<{ serverUrl: string; accessToken: string } | null> => {
      for (const [learnerId, sync] of running) {
        const link = store.linkOf(learnerId);
        if (!link || sync.status().state === 'error') continue;
        const granted = await sync.access().catch(() => null);
        if (granted) return { serverUrl: link.serverUrl, accessToken: granted.token };
      }
      return null;
    },
    /** The learner and their sync rows are gone (ON DELETE CASCADE): stop their sync. */
    learnerRemoved: (learnerId: string) => {
      stop(learnerId);
      store.forgetLearner(learnerId);
    },
    /**
     * Stops every sync. Returns the token refreshes still in flight, if any: the database must stay
     * open until they end, or a rotated refresh token is lost and the server, seeing the old one
     * again, revokes the sign-in.
     */
    close: (): Promise<unknown> | null => {
      const refreshing = [...running.values()].map((sync) => sync.stop()).filter((p) => p !== null);
      running.clear();
      docs.close();
      return refreshing.length > 0 ? Promise.all(refreshing) : null;
    },
  };
}
