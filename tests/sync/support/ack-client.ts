import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { SYNC_MESSAGE } from '../../../common/contract/sync-wire.js';

export type StateVector = Map<number, number>;

/** Every clock in `required` is reached by `held`. */
export const covers = (held: StateVector, required: StateVector) =>
  [...required].every(([client, clock]) => (held.get(client) ?? 0) >= clock);

/** `into` widened to also cover `sv`. */
export function widen(into: StateVector, sv: StateVector) {
  for (const [client, clock] of sv) if (clock > (into.get(client) ?? 0)) into.set(client, clock);
}

export const stateVectorOf = (doc: Y.Doc): StateVector => Y.decodeStateVector(Y.encodeStateVector(doc));

const frame = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

const socketUrl = (base: string, docName: string, token: string, ack: boolean) =>
  `${base}/sync/${docName}?${new URLSearchParams({ token, ...(ack ? { ack: '1' } : {}) })}`;

/**
 * A device written with nothing but ws, y-protocols/sync and lib0, as our app's client speaks to the
 * server (`ack=1`): its local Y.Doc keeps every change, sends each one while connected, answers the
 * server's sync step 1 with what the server lacks (so reconnecting re-sends the rest), and records
 * every acknowledged state vector.
 */
export class AckClient {
  readonly doc = new Y.Doc();
  /** Pointwise maximum of every ack this client received: the server promised to hold all of it. */
  readonly acked: StateVector = new Map();
  acks = 0;
  /** Called on every ack, in the turn it arrived in (a test may kill the server right there). */
  onAck: (sv: StateVector) => void = () => undefined;
  /** How the last socket closed, for failure messages. */
  lastClose = '';
  private socket: WebSocket | undefined;
  private serverSynced = false;

  constructor(
    private readonly base: string,
    readonly docName: string,
    private readonly token: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this)
        this.send(frame((e) => (encoding.writeVarUint(e, SYNC_MESSAGE.sync), syncProtocol.writeUpdate(e, update))));
    });
  }

  get connected() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** The server's sync step 2 arrived on the current socket. */
  get synced() {
    return this.connected && this.serverSynced;
  }

  /** Opens a socket (the previous one is dropped) and asks for what the server holds. */
  connect(): Promise<void> {
    this.socket?.terminate();
    this.serverSynced = false;
    const socket = new WebSocket(socketUrl(this.base, this.docName, this.token, true));
    this.socket = socket;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer) => this.receive(socket, new Uint8Array(data)));
    socket.on('error', () => undefined);
    socket.on('close', (code, reason) => (this.lastClose = `${code} ${reason.toString()}`));
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        this.send(
          frame((e) => (encoding.writeVarUint(e, SYNC_MESSAGE.sync), syncProtocol.writeSyncStep1(e, this.doc))),
        );
        resolve();
      });
      socket.once('close', (code) => reject(new Error(`${this.docName}: closed with ${code} before it opened`)));
    });
  }

  /** Where this client stands, for failure messages. */
  describe() {
    const pending = [...stateVectorOf(this.doc)].filter(([client, clock]) => (this.acked.get(client) ?? 0) < clock);
    return `${this.docName} ${this.doc.clientID}: connected ${this.connected}, synced ${this.synced}, last close ${this.lastClose}, unacked ${JSON.stringify(pending)} of acked ${JSON.stringify([...this.acked])}`;
  }

  disconnect() {
    this.socket?.terminate();
    this.socket = undefined;
  }

  /** A local change: kept in the doc, and sent now if connected. */
  write(edit: (doc: Y.Doc) => void) {
    this.doc.transact(() => edit(this.doc));
  }

  /** Sends a frame as is (for replays); false when not connected. */
  sendRaw(message: Uint8Array) {
    return this.send(message);
  }

  private send(message: Uint8Array) {
    if (!this.connected) return false;
    this.socket!.send(message);
    return true;
  }

  private receive(socket: WebSocket, message: Uint8Array) {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC_MESSAGE.ack) {
      const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      widen(this.acked, sv);
      this.acks++;
      this.onAck(sv);
      return;
    }
    if (type !== SYNC_MESSAGE.sync || socket !== this.socket) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SYNC_MESSAGE.sync);
    const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (kind === syncProtocol.messageYjsSyncStep2) this.serverSynced = true;
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
  }
}

/** The server's whole state of a document, as a client with nothing gets it (no ack, read once). */
export function fetchServerState(base: string, docName: string, token: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const socket = new WebSocket(socketUrl(base, docName, token, false));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`${docName}: no sync step 2 within 10 s`));
    }, 10_000);
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('open', () =>
      socket.send(frame((e) => (encoding.writeVarUint(e, SYNC_MESSAGE.sync), syncProtocol.writeSyncStep1(e, doc)))),
    );
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== SYNC_MESSAGE.sync) return;
      const kind = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server');
      if (kind !== syncProtocol.messageYjsSyncStep2) return;
      clearTimeout(timer);
      socket.close();
      resolve(doc);
    });
  });
}
