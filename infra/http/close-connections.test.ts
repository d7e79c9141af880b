import { connect, type Socket } from 'node:net';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { cutLingeringConnectionsOnClose } from './close-connections.js';

const apps: FastifyInstance[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  apps.splice(0);
});

/**
 * A server shaped like ours: a preClose of its own (the documents telling their sockets to reconnect, which
 * takes a while) runs before @fastify/websocket's, which stops taking upgrades. An upgrade that comes in
 * between is answered 503 by Fastify, on a socket Node has already handed over and never closes.
 */
async function serverWithSlowPreClose(graceMs: number) {
  let preCloseStarted!: () => void;
  const closing = new Promise<void>((resolve) => (preCloseStarted = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const app = Fastify();
  apps.push(app);
  cutLingeringConnectionsOnClose(app, graceMs);
  app.addHook('preClose', async () => {
    preCloseStarted();
    await held;
  });
  await app.register(websocket);
  app.get('/ws', { websocket: true }, () => undefined);
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: Number(new URL(origin).port), closing, release };
}

/** Resolves with what app.close() did within `ms`: a hang fails the test with its name, not a time-out. */
const settlesWithin = (closed: Promise<unknown>, ms: number) =>
  Promise.race([
    closed.then(() => 'closed'),
    new Promise((resolve) => setTimeout(() => resolve('still open'), ms).unref()),
  ]);

describe('closing a server that takes WebSocket upgrades', () => {
  it('closes a socket whose upgrade was refused with 503 while closing, once its client leaves', async () => {
    const { app, port, closing, release } = await serverWithSlowPreClose(60_000);
    const closed = app.close();
    await closing;
    // ws aborts the handshake on the 503 by destroying its socket: the server's side sees the end of input.
    const client = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const refused = await new Promise<string>((resolve) => client.once('error', (error) => resolve(error.message)));
    expect(refused).toMatch(/503/);
    release();
    expect(await settlesWithin(closed, 10_000)).toBe('closed');
  });

  it('cuts, at the end of the grace, a refused upgrade whose client neither reads nor leaves', async () => {
    const { app, port, closing, release } = await serverWithSlowPreClose(300);
    const closed = app.close();
    await closing;
    const socket = connect({ port, host: '127.0.0.1' });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n');
    socket.write('Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    socket.pause();
    const gone = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    release();
    expect(await settlesWithin(closed, 10_000)).toBe('closed');
    socket.resume();
    await gone;
  });
});
