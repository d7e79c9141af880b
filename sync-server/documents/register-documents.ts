import { say } from '../../common/i18n/message.js';
import type { ServerResponse } from 'node:http';
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { AccountStore } from '../accounts/account-store.js';
import type { Memberships } from '../classes/memberships.js';
import type { RevocationBus, RevocationEvent } from '../accounts/revocation-bus.js';
import type { AccessClaims, TokenVerifier } from '../accounts/token-verifier.js';
import type { Fanout } from '../fanout/fanout.js';
import { InProcessFanout } from '../fanout/in-process-fanout.js';
import { RedisFanout } from '../fanout/redis-fanout.js';
import { releaseUpgradeRequest, socketErrorListener } from '../http/release-upgrade.js';
import { AuthError, ServerError } from '../http/server-error.js';
import type { SyncMetrics } from '../ops/metrics.js';
import type { SqlStore } from '../storage/sql-store.js';
import { SqliteStore } from '../storage/sqlite-store.js';
import { accessTo } from './authorization.js';
import { DocConnection } from './doc-connection.js';
import type { ConnectionLimits, ConnectionOwner, Grant } from './doc-connection.js';
import { DocManager } from './doc-manager.js';
import type { DocManagerOptions } from './doc-manager.js';
import type { DocRoom } from './doc-room.js';
import { noDocMetrics } from './doc-metrics.js';
import { docNameOfUrl } from './doc-names.js';
import type { DocName } from './doc-names.js';
import { DocStore } from './doc-store.js';
import { ExpirySchedule } from './expiry-schedule.js';
import { WorkerAppender } from './worker-appender.js';
import { SYNC_CLOSE } from '../../common/contract/sync-wire.js';
import { WEBSOCKET_CLOSE_TIMEOUT_MS, websocketCloseTimeout } from '../../infra/http/close-connections.js';

export interface DocumentsOptions extends DocManagerOptions, ConnectionLimits {
  /** Largest WebSocket frame; a bigger one closes the socket (SYNC_CLOSE.tooLarge). */
  maxPayload: number;
  /** Sync sockets one account may hold open on this instance; one more is closed (SYNC_CLOSE.tooManySockets). */
  maxSocketsPerAccount: number;
  /**
   * The built append worker (dist/sync-server/append-worker.js): on SQLite, update rows are committed in that
   * worker thread instead of on the event loop (WorkerAppender). Without it, a group commit on the event loop.
   */
  appendWorker?: URL | string;
  /** How long a socket the server closes waits for its peer's close frame (ws's closeTimeout) before it is cut. */
  closeTimeoutMs: number;
}

export const defaultDocumentsOptions: DocumentsOptions = {
  idleMs: 30_000,
  compactAfter: 200,
  maxPendingBytes: 8 * 1024 * 1024,
  maxPayload: 8 * 1024 * 1024,
  maxAwarenessState: 64 * 1024,
  maxAwarenessClients: 16,
  maxQueuedBytes: 16 * 1024 * 1024,
  maxBufferedBytes: 2 * 1024 * 1024,
  syncReplyBurst: 4,
  syncReplyIntervalMs: 1_000,
  // A device opens a socket per document (prefs, notes, inbox, a term of progress each), a few devices at once.
  maxSocketsPerAccount: 50,
  closeTimeoutMs: WEBSOCKET_CLOSE_TIMEOUT_MS,
};

export interface DocumentsDeps {
  store: SqlStore;
  tokens: Pick<TokenVerifier, 'verify' | 'stillHold'>;
  memberships: Pick<Memberships, 'teacherOf'>;
  /** Where this instance's accounts announce revocations; passed on to the other instances by the fan-out. */
  revocations: RevocationBus;
  /** Redis for the fan-out between instances (used when no `fanout` is given); without it, in-process. */
  redisUrl?: string;
  /** A fan-out owned by the caller (tests put two servers on one in-process hub). */
  fanout?: Fanout;
  metrics?: SyncMetrics;
  options?: Partial<DocumentsOptions>;
  /** Told of every committed update (the dashboard keeps its projections with it). */
  onCommitted?: (doc: string, update: Uint8Array) => void;
}

interface Opening {
  doc: DocName;
  grant: Grant;
  /** The upgrade's unused HTTP response, detached from the socket once it is served. */
  response: ServerResponse;
}

const revokes = (event: RevocationEvent, claims: AccessClaims) =>
  event.type === 'revoked' ? claims.family === event.family : claims.accountId === event.accountId;

/**
 * `GET /sync/<docName>?token=<accessToken>[&ack=1]`: the y-websocket endpoint. The name, the token and the
 * access are checked before the upgrade (400, 401, 403); the socket is served once its document is loaded,
 * and closed with 4401 when its token expires or is revoked on any instance. Returns the loaded documents.
 */
export async function registerDocuments(app: FastifyInstance, deps: DocumentsDeps): Promise<DocManager> {
  const options = { ...defaultDocumentsOptions, ...deps.options };
  const metrics = deps.metrics ?? noDocMetrics;
  const fanout =
    deps.fanout ??
    (deps.redisUrl
      ? new RedisFanout(deps.redisUrl, (error) => app.log.warn({ err: error }, 'redis fan-out'))
      : new InProcessFanout());
  const appender =
    options.appendWorker && deps.store instanceof SqliteStore
      ? new WorkerAppender(options.appendWorker, deps.store.db.name)
      : undefined;
  const docs = new DocStore(deps.store, undefined, deps.onCommitted, appender);
  const manager = new DocManager(docs, fanout, app.log, metrics, options);
  const connections = new Set<DocConnection>();
  const openings = new WeakMap<FastifyRequest, Opening>();
  const accounts = new AccountStore(deps.store);
  /** Open sockets per account; an account's entry goes with its last socket. */
  const socketsOf = new Map<string, number>();
  const onSocketError = socketErrorListener(app.log);
  const expiries = new ExpirySchedule<DocConnection>((connection) =>
    connection.close(SYNC_CLOSE.auth, 'token expired'),
  );

  const closeRevoked = (event: RevocationEvent) => {
    for (const connection of connections) {
      if (revokes(event, connection.grant.claims)) connection.close(SYNC_CLOSE.auth, 'token revoked');
    }
  };
  // This instance's revocations go out to the others; theirs come back through the fan-out.
  const stopLocal =
    deps.revocations === fanout.revocations
      ? () => undefined
      : deps.revocations.subscribe((event) => fanout.revocations.publish(event));
  const stopFanned = fanout.revocations.subscribe(closeRevoked);
  // Every socket is told to reconnect (1012): those in rooms once what they sent is committed, then any other.
  app.addHook('preClose', async () => {
    stopLocal();
    stopFanned();
    await manager.close(SYNC_CLOSE.restart, 'server restart');
    for (const connection of [...connections]) connection.close(SYNC_CLOSE.restart, 'server restart');
    if (!deps.fanout) await fanout.close();
  });
  // After every preClose (the notifications' deliveries also append) and before storage closes (added earlier).
  app.addHook('onClose', () => docs.appender.close());
  // No client tracking by ws: `connections` (and the close above) does it, without a listener and a set entry
  // of ws's own per socket (heap per idle socket).
  await app.register(websocket, {
    options: {
      maxPayload: options.maxPayload,
      clientTracking: false,
      ...websocketCloseTimeout(options.closeTimeoutMs),
    },
  });

  const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
    const doc = docNameOfUrl(request.raw.url ?? '');
    if (!doc) throw new ServerError('invalid-input', say('server-not-a-document'));
    const { token, ack } = request.query as { token?: unknown; ack?: unknown };
    if (typeof token !== 'string' || token === '') throw new AuthError(say('server-token-in-query'));
    const claims = await deps.tokens.verify(token);
    const access = await accessTo(claims, doc, deps.memberships);
    if (access === 'none') throw new ServerError('forbidden', say('server-document-forbidden'));
    // An admin may open any account's documents: only those of an account that exists, or the first write would
    // create rows (and the load a room) for nobody. Asked after the access check, so learners learn nothing.
    if (doc.owner !== claims.accountId && (await accounts.find(doc.owner))?.status !== 'active') {
      throw new ServerError('not-found', say('server-no-account-id'));
    }
    openings.set(request, { doc, grant: { claims, access, wantsAck: ack === '1' }, response: reply.raw });
  };

  /**
   * Counts a socket against its account, or closes it when the account has its fill. Paired with `leave` on
   * every path, rather than a 'close' listener of its own on each socket (heap per idle socket).
   */
  const admit = (socket: WebSocket, accountId: string): boolean => {
    const open = socketsOf.get(accountId) ?? 0;
    if (open >= options.maxSocketsPerAccount) {
      socket.close(SYNC_CLOSE.tooManySockets, `this account has ${open} sync sockets open`);
      return false;
    }
    socketsOf.set(accountId, open + 1);
    return true;
  };
  const leave = (accountId: string) => {
    const left = socketsOf.get(accountId)! - 1;
    if (left > 0) socketsOf.set(accountId, left);
    else socketsOf.delete(accountId);
  };

  const owner: ConnectionOwner = {
    finished: (connection) => {
      connections.delete(connection);
      expiries.delete(connection, connection.grant.claims.expiresAt);
      manager.release(connection.room);
      leave(connection.grant.claims.accountId);
    },
  };

  const serve = async (socket: WebSocket, request: FastifyRequest) => {
    const { doc, grant, response } = openings.get(request)!;
    releaseUpgradeRequest(socket, response, onSocketError);
    const { accountId, expiresAt } = grant.claims;
    if (!admit(socket, accountId)) return;
    // Nothing is read from the socket until its document is loaded.
    socket.pause();
    let room: DocRoom;
    try {
      room = await manager.acquire(doc.name);
    } catch (error) {
      leave(accountId);
      socket.resume();
      if (manager.closing) return socket.close(SYNC_CLOSE.restart, 'server restart');
      request.log.error({ err: error, doc: doc.name }, 'could not load a document');
      return socket.close(SYNC_CLOSE.internal, 'document unavailable');
    }
    if (socket.readyState !== socket.OPEN || manager.closing) {
      leave(accountId);
      manager.release(room);
      // Loaded while the server was closing: the room is gone, and this socket is told to reconnect.
      socket.resume();
      return socket.close(SYNC_CLOSE.restart, 'server restart');
    }
    const connection = new DocConnection(socket, room, grant, options, metrics, owner);
    connections.add(connection);
    expiries.add(connection, expiresAt);
    // A revocation or a role change announced between the token check and `connections.add` was not seen by this
    // socket: a teacher demoted meanwhile must not be served a learner's progress for the token's remaining life.
    let verdict: 'ok' | 'revoked' | 'unknown';
    try {
      verdict = (await deps.tokens.stillHold(grant.claims)) ? 'ok' : 'revoked';
    } catch (error) {
      request.log.error({ err: error }, 'could not check a sign-in');
      verdict = 'unknown';
    }
    // Read again, if only for the close handshake; the frames go to the connection, which is started below.
    socket.resume();
    if (verdict === 'revoked') return connection.close(SYNC_CLOSE.auth, 'token revoked');
    if (verdict === 'unknown') return connection.close(SYNC_CLOSE.internal, 'could not check the sign-in');
    connection.start();
  };

  await app.register(async (scope) => {
    scope.get('/sync/*', { websocket: true, preValidation: authorize }, serve);
  });
  return manager;
}
