import type { SyncStatus } from '../../../common/contract/sync.js';
import { SYNC_CLOSE } from '../../../common/contract/sync-wire.js';
import type { SyncAccount } from '../../../common/contract/sync-wire.js';
import type { Logger } from '../../../infra/log/logger.js';
import { refOf, say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import { AuthCallError } from './auth-client.js';
import type { AuthClient, Tokens } from './auth-client.js';
import { backoffDelay } from './backoff.js';
import { closeReason } from './close-reasons.js';
import type { BackoffOptions } from './backoff.js';
import { DocConnection } from './doc-connection.js';
import { FIXED_DOCS, isTermKey, termOf, termsUpTo, wireName } from '../../../common/contract/sync-docs.js';
import type { DocKey } from '../../../common/contract/sync-docs.js';
import type { LocalDocs } from './local-docs.js';
import type { SyncLink, SyncStore } from './sync-store.js';

export interface LearnerSyncDeps {
  link: SyncLink;
  store: SyncStore;
  docs: LocalDocs;
  auth: AuthClient;
  /** Applies an update from the server to the local copy (and the log or preferences with it). */
  receive(key: DocKey, update: Uint8Array): void;
  /** The account's preferences arrived (once per connection). */
  prefsArrived(): void;
  /** The status may have changed. */
  changed(): void;
  backoff: BackoffOptions;
  now: () => Date;
  logger: Logger;
}

/** An access token this close to its expiry is renewed before a socket opens with it. */
const EXPIRY_MARGIN_MS = 30_000;

type Phase = 'active' | 'waiting' | 'error' | 'stopped';

interface Socket {
  connection: DocConnection;
  /** The server's sync step 2 arrived on it. */
  synced: boolean;
}

/** Why a token could not be had, as the learner is told it. */
const saidOf = (error: unknown): Said =>
  error instanceof AuthCallError ? error.said : say('server-said', { text: (error as Error).message });

/**
 * One linked learner's sync: a socket per document, all opened with one access token, fetched
 * afresh (POST /auth/refresh, the rotated refresh token stored) before every connection. When a
 * socket drops, all are closed and opened again after an exponential backoff with full jitter,
 * forever (offline is a normal state, not an error); only a refused sign-in or a forbidden
 * document (SYNC_CLOSE.forbidden) stops it until the learner acts. The current term and the fixed documents stay
 * open; an earlier term is closed once it is in sync and opened again if it changes here.
 */
export class LearnerSync {
  readonly #deps: LearnerSyncDeps;
  readonly #learnerId: string;
  readonly #sockets = new Map<DocKey, Socket>();
  #phase: Phase = 'active';
  #message: Said | null = null;
  #attempt = 0;
  #timer: NodeJS.Timeout | undefined;
  #syncedAt: string | null = null;
  #access: { token: string; expiresAt: number; role: SyncAccount['role'] } | null = null;
  /** The login's access token, for the first connection only. */
  #fromLogin: string | null = null;
  #refreshing: Promise<string> | null = null;
  /** Waiting for a token: the sockets about to open will carry every change. */
  #connecting = false;
  /** Bumped by every (re)connection and by stop(): an older one's late answers are ignored. */
  #generation = 0;

  /** `tokens` from the login that linked the account serve the first connection. */
  constructor(deps: LearnerSyncDeps, tokens?: Tokens) {
    this.#deps = deps;
    this.#learnerId = deps.link.learnerId;
    if (tokens) {
      this.#keep(tokens);
      this.#fromLogin = tokens.accessToken;
    }
  }

  start(): void {
    void this.#connect();
  }

  /** Connects again at once, with a fresh token, whatever the state (the learner asked). */
  syncNow(): void {
    if (this.#phase === 'stopped') return;
    this.#attempt = 0;
    void this.#connect();
  }

  /** Closes the sockets; returns a token refresh still in flight, whose rotated token must yet be stored. */
  stop(): Promise<unknown> | null {
    this.#phase = 'stopped';
    this.#generation += 1;
    clearTimeout(this.#timer);
    this.#closeSockets();
    return this.#refreshing?.catch(() => undefined) ?? null;
  }

  /**
   * A valid access token and the role it carries, for the class server's other routes (classes, assignments):
   * the one the sockets use while it lasts, else a refresh shared with theirs (a refresh token is spent once).
   */
  async access(): Promise<{ token: string; role: SyncAccount['role'] }> {
    const valid = () => this.#access && this.#access.expiresAt - EXPIRY_MARGIN_MS > this.#deps.now().getTime();
    if (!valid()) await this.#freshToken();
    const { token, role } = this.#access!;
    return { token, role };
  }

  /** A committed change to one of the documents; `outgoing` is this device's part of it. */
  localChange(key: DocKey, outgoing: Uint8Array | null): void {
    if (this.#phase !== 'active' || this.#connecting || !outgoing) return;
    const socket = this.#sockets.get(key);
    if (socket) socket.connection.send(outgoing);
    else if (this.#access && this.#access.expiresAt - EXPIRY_MARGIN_MS > this.#deps.now().getTime()) {
      this.#open(key, this.#access.token);
    } else void this.#connect();
  }

  /** What the connection knows; the service adds what the log refused. */
  status(): Omit<SyncStatus, 'refused'> {
    const { docs, store, link } = this.#deps;
    let pending = 0;
    for (const key of store.docKeys(this.#learnerId)) pending += docs.pending(this.#learnerId, key);
    const state =
      this.#phase === 'error'
        ? 'error'
        : this.#phase === 'waiting'
          ? 'offline'
          : this.#allSynced() && pending === 0
            ? 'synced'
            : 'syncing';
    const message = this.#message;
    return {
      state,
      serverUrl: link.serverUrl,
      syncedAt: this.#syncedAt,
      pending,
      message: message?.text ?? null,
      ...(message ? { messageI18n: refOf(message) } : {}),
    };
  }

  #allSynced(): boolean {
    const sockets = [...this.#sockets.values()];
    return this.#phase === 'active' && !this.#connecting && sockets.length > 0 && sockets.every((s) => s.synced);
  }

  async #connect(): Promise<void> {
    const generation = ++this.#generation;
    clearTimeout(this.#timer);
    this.#closeSockets();
    this.#phase = 'active';
    this.#message = null;
    this.#deps.changed();
    let token: string;
    this.#connecting = true;
    try {
      token = await this.#freshToken();
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#connecting = false;
      if (error instanceof AuthCallError && error.failure === 'rejected') {
        this.#fail(say('sync-sign-in-refused', { reason: error.said }));
      } else this.#retry(saidOf(error));
      return;
    }
    if (generation !== this.#generation) return;
    this.#connecting = false;
    for (const key of this.#keys()) this.#open(key, token);
  }

  /** An access token for a call beside the sockets: the one held while it is not about to expire, else a fresh one. */
  accessToken(): Promise<string> {
    const held = this.#access;
    if (held && held.expiresAt - EXPIRY_MARGIN_MS > this.#deps.now().getTime()) return Promise.resolve(held.token);
    return this.#freshToken();
  }

  /** The login's token once, then a refreshed one; one refresh at a time, as a reused refresh token is revoked. */
  #freshToken(): Promise<string> {
    const fromLogin = this.#fromLogin;
    this.#fromLogin = null;
    if (fromLogin) return Promise.resolve(fromLogin);
    this.#refreshing ??= (async () => {
      const { auth, store, link } = this.#deps;
      try {
        const refreshToken = store.refreshToken(this.#learnerId);
        if (!refreshToken) throw new AuthCallError('rejected', say('class-sign-in-first'));
        const tokens = await auth.refresh(link.serverUrl, refreshToken);
        // Kept even if stopped meanwhile (the old one is spent), unless the learner was unlinked or
        // linked anew: then the token stored is the new link's.
        if (store.linkOf(this.#learnerId) === link) store.setRefreshToken(this.#learnerId, tokens.refreshToken);
        this.#keep(tokens);
        return tokens.accessToken;
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }

  #keep(tokens: Tokens): void {
    this.#access = {
      token: tokens.accessToken,
      expiresAt: this.#deps.now().getTime() + tokens.expiresIn * 1000,
      role: tokens.account.role,
    };
  }

  /** Every document of the account this device knows of: the fixed ones, each term so far, and older local ones. */
  #keys(): DocKey[] {
    const local = this.#deps.store.docKeys(this.#learnerId).filter(isTermKey);
    return [...new Set<DocKey>([...FIXED_DOCS, ...local, ...termsUpTo(this.#deps.now())])];
  }

  #keepOpen(key: DocKey): boolean {
    return !isTermKey(key) || key === termOf(this.#deps.now().toISOString());
  }

  #open(key: DocKey, token: string): void {
    const { link, docs, logger } = this.#deps;
    const base = link.serverUrl.replace(/^http/, 'ws');
    const url = `${base}/sync/${wireName(link.accountId, key)}?token=${encodeURIComponent(token)}&ack=1`;
    const socket: Socket = {
      synced: false,
      connection: new DocConnection(
        url,
        () => docs.doc(this.#learnerId, key),
        {
          remote: (update) => this.#deps.receive(key, update),
          synced: () => {
            socket.synced = true;
            if (key === 'prefs') this.#deps.prefsArrived();
            this.#settled();
          },
          acknowledged: (stateVector) => {
            docs.acknowledge(this.#learnerId, key, stateVector);
            this.#settled();
          },
          closed: (code, reason) => {
            if (this.#sockets.get(key) !== socket) return;
            this.#sockets.delete(key);
            // The server's reason is English for its log: the learner reads the code's own message.
            if (reason) logger.debug({ doc: key, code, reason }, 'sync: the server closed the socket');
            if (code === SYNC_CLOSE.forbidden)
              this.#fail(say('sync-document-refused', { doc: key, reason: closeReason(code) }));
            else this.#dropped(code);
          },
        },
        logger.child({ learnerId: this.#learnerId, doc: key }),
      ),
    };
    this.#sockets.get(key)?.connection.close();
    this.#sockets.set(key, socket);
  }

  /** After an answer from the server: closes earlier terms that are in sync, and notes the time when all are. */
  #settled(): void {
    const { docs } = this.#deps;
    for (const [key, socket] of this.#sockets) {
      if (socket.synced && !this.#keepOpen(key) && docs.pending(this.#learnerId, key) === 0) {
        this.#sockets.delete(key);
        socket.connection.close();
      }
    }
    if (this.#allSynced() && this.status().pending === 0) {
      this.#attempt = 0;
      this.#syncedAt = this.#deps.now().toISOString();
    }
    this.#deps.changed();
  }

  #dropped(code: number): void {
    if (this.#phase !== 'active') return;
    // An expired token after a good connection renews at once; anything else waits its turn.
    if (code === SYNC_CLOSE.auth && this.#attempt === 0) {
      this.#attempt = 1;
      this.#access = null;
      void this.#connect();
      return;
    }
    this.#retry(closeReason(code));
  }

  #retry(reason: Said): void {
    this.#closeSockets();
    const delay = backoffDelay(this.#attempt, this.#deps.backoff);
    this.#attempt += 1;
    this.#phase = 'waiting';
    this.#message = say('sync-offline', { reason });
    this.#deps.logger.info({ learnerId: this.#learnerId, reason: reason.text, delay }, 'sync: waiting to reconnect');
    this.#timer = setTimeout(() => void this.#connect(), delay).unref();
    this.#deps.changed();
  }

  #fail(message: Said): void {
    this.#closeSockets();
    this.#phase = 'error';
    this.#message = message;
    this.#deps.logger.warn({ learnerId: this.#learnerId, message: message.text }, 'sync: stopped');
    this.#deps.changed();
  }

  #closeSockets(): void {
    for (const socket of this.#sockets.values()) socket.connection.close();
    this.#sockets.clear();
  }
}
