import { connect } from 'node:net';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Polls `check` until it holds; socket tests wait on what a peer eventually sees, not on sleeps. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The ws:// base of a listening Fastify server. */
export const wsBase = (address: string) => address.replace(/^http/, 'ws');

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves at the first sync with the server. */
  synced: Promise<void>;
  /** The close event that made the provider give up (4400-4499), if any. */
  closed: Promise<{ code: number; reason: string }>;
  destroy(): void;
}

/** An unmodified y-websocket client, as any Yjs app would use it, with the token as a URL parameter. */
export function stockClient(base: string, docName: string, token: string, doc = new Y.Doc()): StockClient {
  const provider = new WebsocketProvider(`${base}/sync`, docName, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // In one process, BroadcastChannel would sync the clients without the server.
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    const onSync = (state: boolean) => {
      if (!state) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => provider.on('closed', resolve));
  return {
    doc,
    provider,
    synced,
    closed,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface RawClient {
  socket: WebSocket;
  /** Every binary frame received so far. */
  received: Uint8Array[];
  /** The first frame of this `type` (first byte) that no earlier `next` returned, waiting for it if need be. */
  next(type: number, timeoutMs?: number): Promise<Uint8Array>;
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array): void;
}

/** A bare socket for frames no stock client would send; rejects with the HTTP status when refused. */
export function rawClient(base: string, docName: string, query: Record<string, string>): Promise<RawClient> {
  const url = `${base}/sync/${docName}?${new URLSearchParams(query)}`;
  const socket = new WebSocket(url);
  const received: Uint8Array[] = [];
  const taken = new Set<number>();
  const waiters = new Set<() => boolean>();
  socket.on('message', (data: Buffer) => {
    received.push(new Uint8Array(data));
    for (const waiter of [...waiters]) if (waiter()) waiters.delete(waiter);
  });
  const take = (type: number) => {
    const index = received.findIndex((frame, i) => frame[0] === type && !taken.has(i));
    if (index === -1) return undefined;
    taken.add(index);
    return received[index];
  };
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => {
      reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode }));
      socket.terminate();
    });
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        socket,
        received,
        closed,
        send: (frame) => socket.send(frame),
        next: (type, timeoutMs = 5_000) =>
          new Promise((resolveFrame, rejectFrame) => {
            const ready = take(type);
            if (ready) return resolveFrame(ready);
            const timer = setTimeout(() => rejectFrame(new Error(`no message of type ${type}`)), timeoutMs);
            waiters.add(() => {
              const frame = take(type);
              if (!frame) return false;
              clearTimeout(timer);
              resolveFrame(frame);
              return true;
            });
          }),
      }),
    );
  });
}

/** The HTTP status a refused upgrade got (0 when the socket opened). */
export async function upgradeStatus(base: string, docName: string, query: Record<string, string>): Promise<number> {
  try {
    const client = await rawClient(base, docName, query);
    client.socket.close();
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
}

/**
 * The status line of an upgrade request for a path sent byte for byte: a WebSocket or URL class would
 * normalise `..`, `//` and unicode before they reach the server.
 */
export function rawUpgradeStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        Buffer.concat([
          Buffer.from('GET '),
          Buffer.from(path, 'utf8'),
          Buffer.from(
            ' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
              'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
          ),
        ]),
      );
    });
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (match) {
        resolve(Number(match[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`no status line for ${path}`)));
  });
}
