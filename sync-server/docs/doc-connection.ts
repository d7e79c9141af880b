import type { WebSocket } from 'ws';
import type { AccessClaims } from '../accounts/token-verifier.js';
import type { Access } from './authorization.js';
import type { DocMetrics } from './doc-metrics.js';
import type { DocRoom, Peer } from './doc-room.js';
import { CLOSE, ProtocolError, decodeClientMessage } from './protocol.js';
import type { ClientMessage, ProtocolLimits } from './protocol.js';

export interface ConnectionLimits extends ProtocolLimits {
  /** Bytes of a socket's frames waiting in its room's queue before we stop reading from the socket. */
  maxQueuedBytes: number;
}

export interface Grant {
  claims: AccessClaims;
  access: Exclude<Access, 'none'>;
  wantsAck: boolean;
}

// setTimeout fires at once for delays above 2^31 - 1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** One socket on one document: decodes its frames, enforces its grant, and closes it when the token ends. */
export class DocConnection implements Peer {
  private readonly awarenessClients = new Set<number>();
  private readonly expiry: NodeJS.Timeout;
  private queuedBytes = 0;
  private finished = false;
  /** Shutting down: frames still arriving are left unread (unacknowledged, so the client sends them again). */
  private draining = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly room: DocRoom,
    readonly grant: Grant,
    private readonly limits: ConnectionLimits,
    private readonly metrics: DocMetrics,
    private readonly onFinish: () => void,
  ) {
    metrics.socketOpened();
    const left = Math.min(Math.max(grant.claims.expiresAt - Date.now(), 0), MAX_TIMER_MS);
    this.expiry = setTimeout(() => this.close(CLOSE.auth, 'token expired'), left);
    socket.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    socket.on('close', (code) => this.finish(code));
  }

  /** Joins the room: the server's sync step 1 and the presence states go out. */
  start() {
    if (!this.finished) void this.room.join(this);
  }

  get wantsAck() {
    return this.grant.wantsAck;
  }

  send(message: Uint8Array) {
    if (!this.finished && this.socket.readyState === this.socket.OPEN) this.socket.send(message);
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
    clearTimeout(this.expiry);
    this.room.leave(this, this.awarenessClients);
    this.onFinish();
  }

  private receive(frame: Buffer, isBinary: boolean) {
    if (this.finished || this.draining) return;
    if (!isBinary) return this.close(CLOSE.badFrame, 'text frame');
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame, this.limits);
    } catch (error) {
      const code = error instanceof ProtocolError ? error.closeCode : CLOSE.badFrame;
      return this.close(code, (error as Error).message.slice(0, 120));
    }
    switch (message.kind) {
      case 'sync-step1':
        return this.track(frame.length, this.room.answerSyncStep1(this, message.stateVector));
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
        return this.room.sendAwareness(this);
    }
  }

  private receiveAwareness(update: Uint8Array, entries: { clientId: number; state: unknown }[]) {
    const clients = new Set(this.awarenessClients);
    for (const { clientId, state } of entries) {
      if (state === null) clients.delete(clientId);
      else clients.add(clientId);
    }
    if (clients.size > this.limits.maxAwarenessClients) {
      return this.close(CLOSE.stateTooLarge, `awareness for ${clients.size} clients`);
    }
    this.awarenessClients.clear();
    for (const client of clients) this.awarenessClients.add(client);
    try {
      this.room.receiveAwareness(this, update);
    } catch {
      // Thrown inside a ws 'message' listener, it would take the process down.
      this.close(CLOSE.badFrame, 'awareness y-protocols cannot apply');
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
