// One simulated device for bench/sync: a raw `ws` socket speaking the y-websocket messages around a Y.Doc,
// far cheaper than a WebsocketProvider (no awareness timers, no broadcast channel), so 1,000 fit in two
// processes. It answers the server's sync step 1 and counts itself synced on the server's step 2, as the
// stock provider does. For Hocuspocus it speaks that server's framing instead (every message starts with
// the document's name, and a token message opens the connection), as @hocuspocus/provider does.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { SYNC_MESSAGE } from '../common/contract/sync-wire.js';

/** Hocuspocus's message types and its token message (from @hocuspocus/common), for the framing. */
const HOCUSPOCUS = { sync: 0, auth: 2, syncReply: 4, token: 0 } as const;

export class Device {
  readonly doc = new Y.Doc();
  private socket: WebSocket | undefined;
  /** Sent updates not yet covered by an ack: the clock after each and when it left. */
  private unacked: { clock: number; sentAt: number }[] = [];

  /**
   * @param hocuspocusDocument set for a Hocuspocus server: the document's name, which frames every message.
   */
  constructor(
    private readonly url: string,
    private readonly onAck: (ms: number) => void,
    onRemoteValue: (value: number) => void,
    private readonly hocuspocusDocument?: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || this.socket?.readyState !== WebSocket.OPEN) return;
      const encoder = this.encoder(SYNC_MESSAGE.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.socket.send(encoding.toUint8Array(encoder));
    });
    this.doc.getMap<number>('bench').observe((event) => {
      if (event.transaction.origin === this && event.keysChanged.has('value')) {
        onRemoteValue(this.doc.getMap<number>('bench').get('value') as number);
      }
    });
  }

  /** Resolves once the server sent its sync step 2; rejects if the socket closes first. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url, { perMessageDeflate: false });
      this.socket = socket;
      socket.binaryType = 'nodebuffer';
      socket.on('open', () => {
        if (this.hocuspocusDocument !== undefined) {
          const auth = this.encoder(HOCUSPOCUS.auth);
          encoding.writeVarUint(auth, HOCUSPOCUS.token);
          encoding.writeVarString(auth, 'bench');
          socket.send(encoding.toUint8Array(auth));
        }
        const encoder = this.encoder(SYNC_MESSAGE.sync);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        socket.send(encoding.toUint8Array(encoder));
      });
      socket.on('message', (data: Buffer) => {
        if (this.receive(socket, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))) resolve();
      });
      socket.on('error', () => undefined);
      socket.on('close', (code) => reject(new Error(`${this.url.split('?')[0]} closed with ${code} before syncing`)));
    });
  }

  /** Updates sent and not yet acknowledged (always all of them on a server that sends no acks). */
  get unackedCount(): number {
    return this.unacked.length;
  }

  /** Drops the connection without a closing handshake, as a lost network does. */
  drop(): void {
    this.socket?.terminate();
  }

  close(): void {
    this.socket?.close(1000);
  }

  write(value: number): void {
    const sentAt = performance.now();
    this.doc.getMap<number>('bench').set('value', value);
    this.unacked.push({ clock: Y.getState(this.doc.store, this.doc.clientID), sentAt });
  }

  /** A message of `type`, framed with the document's name for Hocuspocus. */
  private encoder(type: number): encoding.Encoder {
    const encoder = encoding.createEncoder();
    if (this.hocuspocusDocument !== undefined) encoding.writeVarString(encoder, this.hocuspocusDocument);
    encoding.writeVarUint(encoder, type);
    return encoder;
  }

  /** Returns true when the message was the server's sync step 2. */
  private receive(socket: WebSocket, message: Uint8Array): boolean {
    const decoder = decoding.createDecoder(message);
    if (this.hocuspocusDocument !== undefined) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    const hocuspocusSync = this.hocuspocusDocument !== undefined && type === HOCUSPOCUS.syncReply;
    if (type === SYNC_MESSAGE.sync || hocuspocusSync) {
      // Hocuspocus wants answers as SyncReply, so that they do not start another round.
      const encoder = this.encoder(this.hocuspocusDocument === undefined ? SYNC_MESSAGE.sync : HOCUSPOCUS.syncReply);
      const header = encoding.length(encoder);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > header) socket.send(encoding.toUint8Array(encoder));
      return kind === syncProtocol.messageYjsSyncStep2;
    }
    if (this.hocuspocusDocument !== undefined) return false;
    if (type === SYNC_MESSAGE.ack) {
      const covered = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(this.doc.clientID) ?? 0;
      const now = performance.now();
      while (this.unacked.length > 0 && (this.unacked[0] as { clock: number }).clock <= covered) {
        this.onAck(now - (this.unacked.shift() as { sentAt: number }).sentAt);
      }
    }
    return false;
  }
}
