import type { RawData, WebSocket } from 'ws';
import type { AccessClaims } from '../accounts/token-verifier.js';
import type { Access } from './authorization.js';
import type { DocMetrics } from './doc-metrics.js';
import type { DocRoom, Peer } from './doc-room.js';
import { SYNC_CLOSE } from '../../common/contract/sync-wire.js';
import { ProtocolError, decodeClientMessage } from './protocol.js';
import type { ClientMessage, ProtocolLimits } from './protocol.js';
import { SyncReplyGate } from './sync-reply-gate.js';
import type { SyncReplier, SyncReplyLimits } from './sync-reply-gate.js';

export interface ConnectionLimits extends ProtocolLimits, SyncReplyLimits {
  /** Bytes of a socket's frames waiting in its room's queue before we stop reading from the socket. */
  maxQueuedBytes: number;
  /**
   * Bytes sent and not yet taken by the socket (ws's bufferedAmount), besides the one answer in flight, past
   * which the socket is closed (slowReader): a socket that does not read must not make the server hold the
   * document's updates for it without end.
   */
  maxBufferedBytes: number;
}

/** Told when a connection is finished (closed by either side); one for all connections, not a closure each. */
export interface ConnectionOwner {
  finished(connection: DocConnection): void;
}

export interface Grant {
  claims: AccessClaims;
  access: Exclude<Access, 'none'>;
  wantsAck: boolean;
}

/**
 * One socket on one document: decodes its frames and enforces its grant (its owner closes it when the token
 * ends). Lean on purpose, as thousands sit idle: no timer, no closure besides its two socket listeners.
 */
export class DocConnection implements Peer, SyncReplier {
  /** The presence clients this socket announced; most sockets announce none, so made on the first. */
  private awarenessClients: Set<number> | undefined;
  private queuedBytes = 0;
  /** Bytes of the answers in flight (sync step 2, presence), which the outbound limit leaves aside. */
  private answerBytes = 0;
  private readonly syncReplies: SyncReplyGate;
  /** A presence answer is in flight; `awarenessAsked`: another question came meanwhile. */
  private awarenessInFlight = false;
  private awarenessAsked = false;
  private finished = false;
  /** Shutting down: frames still arriving are left unread (unacknowledged, so the client sends them again). */
  private draining = false;

  constructor(
    private readonly socket: WebSocket,
    readonly room: DocRoom,
    readonly grant: Grant,
    private readonly limits: ConnectionLimits,
    private readonly metrics: DocMetrics,
    private readonly owner: ConnectionOwner,
  ) {
    metrics.socketOpened();
    this.syncReplies = new SyncReplyGate(limits, this);
    DocConnection.ofSocket.set(socket, this);
    socket.on('message', DocConnection.onMessage);
    socket.on('close', DocConnection.onClose);
  }

  /** Every socket's connection, for the two listeners all sockets share (a closure pair each cost 160 B of heap). */
  private static readonly ofSocket = new WeakMap<WebSocket, DocConnection>();

  /** ws calls its listeners with the socket as `this`. */
  private static onMessage(this: WebSocket, data: RawData, isBinary: boolean) {
    DocConnection.ofSocket.get(this)?.receive(data as Buffer, isBinary);
  }

  private static onClose(this: WebSocket, code: number) {
    DocConnection.ofSocket.get(this)?.finish(code);
  }

  /** Joins the room: the server's sync step 1 and the presence states go out. */
  start() {
    if (!this.finished) void this.room.join(this);
  }

  get wantsAck() {
    return this.grant.wantsAck;
  }

  answerSyncStep1(stateVector: Uint8Array): Promise<void> {
    return this.room.answerSyncStep1(this, stateVector);
  }

  knowsClient(client: number): boolean {
    return this.room.hasClient(client);
  }

  send(message: Uint8Array, taken?: () => void) {
    if (this.finished || this.socket.readyState !== this.socket.OPEN) return taken?.();
    if (this.socket.bufferedAmount - this.answerBytes > this.limits.maxBufferedBytes) {
      taken?.();
      return this.close(SYNC_CLOSE.slowReader, 'the socket did not read what the server sent');
    }
    if (!taken) return this.socket.send(message);
    this.answerBytes += message.length;
    // ws calls back once the frame is handed to the kernel, or with an error when the socket is gone.
    this.socket.send(message, () => {
      this.answerBytes -= message.length;
      taken();
    });
  }

  stopReading() {
    this.draining = true;
    this.socket.pause();
  }

  close(code: number, reason: string) {
    if (this.finished) return;
    this.finish(code);
    // The close handshake needs the peer's close frame read; frames before it are ignored once finished.
    if (this.socket.isPaused) this.socket.resume();
    this.socket.close(code, reason);
  }

  private finish(code: number) {
    if (this.finished) return;
    this.finished = true;
    this.metrics.socketClosed(code);
    this.syncReplies.stop();
    this.room.leave(this, this.awarenessClients ?? []);
    this.owner.finished(this);
  }

  private receive(frame: Buffer, isBinary: boolean) {
    if (this.finished || this.draining) return;
    if (!isBinary) return this.close(SYNC_CLOSE.badFrame, 'text frame');
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame, this.limits);
    } catch (error) {
      const code = error instanceof ProtocolError ? error.closeCode : SYNC_CLOSE.badFrame;
      return this.close(code, (error as Error).message.slice(0, 120));
    }
    switch (message.kind) {
      case 'sync-step1':
        return this.syncReplies.request(message.stateVector);
      case 'sync-step2':
      case 'update':
        return this.track(
          frame.length,
          this.grant.access === 'write'
            ? this.room.write(this, message.update)
            : this.room.refuseWrite(this, message.update),
        );
      case 'awareness':
        return this.receiveAwareness(message.update, message.entries);
      case 'query-awareness':
        return this.answerAwareness();
    }
  }

  /** Like sync step 1 answers: one presence answer in flight, questions meanwhile folded into one more. */
  private answerAwareness() {
    if (this.awarenessInFlight) {
      this.awarenessAsked = true;
      return;
    }
    this.awarenessInFlight = true;
    this.room.sendAwareness(this, () => {
      this.awarenessInFlight = false;
      if (!this.awarenessAsked || this.finished) return;
      this.awarenessAsked = false;
      this.answerAwareness();
    });
  }

  private receiveAwareness(update: Uint8Array, entries: { clientId: number; state: unknown }[]) {
    const clients = new Set(this.awarenessClients);
    for (const { clientId, state } of entries) {
      if (state === null) clients.delete(clientId);
      else clients.add(clientId);
    }
    if (clients.size > this.limits.maxAwarenessClients) {
      return this.close(SYNC_CLOSE.stateTooLarge, `awareness for ${clients.size} clients`);
    }
    this.awarenessClients = clients;
    try {
      this.room.receiveAwareness(this, update);
    } catch {
      // Thrown inside a ws 'message' listener, it would take the process down.
      this.close(SYNC_CLOSE.badFrame, 'awareness y-protocols cannot apply');
    }
  }

  /** Backpressure: a socket that sends faster than its room commits stops being read until the queue drains. */
  private track(bytes: number, done: Promise<void>) {
    this.queuedBytes += bytes;
    if (this.queuedBytes > this.limits.maxQueuedBytes && !this.socket.isPaused) this.socket.pause();
    void done.then(() => {
      this.queuedBytes -= bytes;
      if (this.socket.isPaused && !this.draining && this.queuedBytes <= this.limits.maxQueuedBytes / 2) {
        this.socket.resume();
      }
    });
  }
}
