import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { closeCodeOfStatus, SYNC_MESSAGE } from '../../../common/contract/sync-wire.js';
import type { Logger } from '../../../infra/log/logger.js';
import { splitUpdate } from './split-update.js';

/** Updates go in frames of about this size at most, well under the server's 8 MiB limit (SYNC_CLOSE.tooLarge). */
const MAX_UPDATE_BYTES = 1024 * 1024;

export interface ConnectionEvents {
  /** An update from the server (its sync step 2 or a relayed update), to apply. */
  remote(update: Uint8Array): void;
  /** The server's sync step 2 arrived: this device holds everything the server held. */
  synced(): void;
  /** The server committed what we sent; its state vector after the commit. */
  acknowledged(stateVector: Uint8Array): void;
  /** The socket is gone, unless `close()` ended it. */
  closed(code: number, reason: string): void;
}

/**
 * One document's socket. Speaks the y-websocket protocol with y-protocols' sync messages; awareness
 * messages are read past, as the core shows no presence. On open it sends sync step 1 (the server
 * answers with what this device lacks) and answers the server's step 1 with everything the server
 * lacks, which re-sends whatever was not acknowledged before.
 */
export class DocConnection {
  readonly #ws: WebSocket;
  readonly #doc: () => Y.Doc;
  readonly #events: ConnectionEvents;
  readonly #logger: Logger;
  #ended = false;
  #refusedWith: number | undefined;
  /** Writes sent and not yet acknowledged; while there are some, local updates wait and merge. */
  #unacked = 0;
  #waiting: Uint8Array[] = [];

  /** `doc` is asked each time: the local copy may be read again from the database between messages. */
  constructor(url: string, doc: () => Y.Doc, events: ConnectionEvents, logger: Logger) {
    this.#doc = doc;
    this.#events = events;
    this.#logger = logger;
    this.#ws = new WebSocket(url, { handshakeTimeout: 15_000 });
    this.#ws.binaryType = 'nodebuffer';
    this.#ws.on('open', () => this.#guard(() => this.#ws.send(this.#syncStep1())));
    this.#ws.on('message', (data: Buffer) =>
      this.#guard(() => this.#receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))),
    );
    this.#ws.on('error', (error) => {
      const status = /Unexpected server response: (\d+)/.exec(error.message)?.[1];
      // A refused upgrade comes as an HTTP status; it means what the matching close code means.
      if (status) this.#refusedWith = closeCodeOfStatus(Number(status));
      this.#logger.debug({ err: error }, 'sync: socket error');
    });
    this.#ws.on('close', (code, reason) => {
      if (this.#ended) return;
      this.#ended = true;
      this.#events.closed(this.#refusedWith ?? code, reason.toString());
    });
  }

  /**
   * Sends a local update when the socket is open (otherwise the next handshake carries it). While
   * an earlier write awaits its acknowledgement, updates are merged and go as one when it comes:
   * a burst of appends costs the server one commit, not one each.
   */
  send(update: Uint8Array): void {
    if (this.#unacked > 0) this.#waiting.push(update);
    else this.#write(syncProtocol.messageYjsUpdate, update);
  }

  /** Sends an update as one sync message, or several in order when it is large; each is acknowledged. */
  #write(step: number, update: Uint8Array): void {
    if (this.#ws.readyState !== WebSocket.OPEN) return;
    splitUpdate(update, MAX_UPDATE_BYTES).forEach((part, i) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC_MESSAGE.sync);
      encoding.writeVarUint(encoder, i === 0 ? step : syncProtocol.messageYjsUpdate);
      encoding.writeVarUint8Array(encoder, part);
      this.#ws.send(encoding.toUint8Array(encoder));
      this.#unacked += 1;
    });
  }

  close(): void {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.close(1000);
    else this.#ws.terminate();
  }

  #syncStep1(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC_MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, this.#doc());
    return encoding.toUint8Array(encoder);
  }

  /** A message this side cannot handle ends the socket (and the owner reconnects), never the process. */
  #guard(work: () => void): void {
    if (this.#ended) return;
    try {
      work();
    } catch (error) {
      this.#logger.warn({ err: error }, 'sync: a message could not be handled; reconnecting');
      this.#ws.terminate();
    }
  }

  #receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC_MESSAGE.sync) {
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        const stateVector = decoding.readVarUint8Array(decoder);
        this.#write(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.#doc(), stateVector));
      } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        this.#events.remote(decoding.readVarUint8Array(decoder));
        if (step === syncProtocol.messageYjsSyncStep2) this.#events.synced();
      } else {
        throw new Error(`unknown sync message ${step}`);
      }
    } else if (type === SYNC_MESSAGE.ack) {
      this.#unacked = Math.max(0, this.#unacked - 1);
      if (this.#unacked === 0 && this.#waiting.length > 0) {
        this.#write(syncProtocol.messageYjsUpdate, Y.mergeUpdates(this.#waiting.splice(0)));
      }
      this.#events.acknowledged(decoding.readVarUint8Array(decoder));
    } else if (type !== SYNC_MESSAGE.awareness && type !== SYNC_MESSAGE.queryAwareness) {
      throw new Error(`unknown message type ${type}`);
    }
  }
}
