import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { login, registerAccount, startTestServer } from '../testing/test-server.js';

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});

/** A raw TCP client that sends what it is given (maybe nothing) and then never reads nor closes. */
async function lingeringClient(port: number, sent: string): Promise<Socket> {
  const socket = connect({ port, host: '127.0.0.1' });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  if (sent) socket.write(sent);
  socket.pause();
  return socket;
}

const BIG = 'x'.repeat(64 * 1024);

describe('closing the server', () => {
  // Each of these held app.close() until the client left: a lab machine's stale connection kept the
  // server from restarting (it stopped only at the shutdown timeout, with exit code 1).
  const clients: Record<string, (origin: string) => string> = {
    'connected, sent nothing': () => '',
    'half a request line': () => 'GET /heal',
    'headers without their end': () => 'GET /healthz HTTP/1.1\r\nHost: x\r\n',
    'a body shorter than its length': () =>
      'PUT /admin/packs HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\nabc',
    'a keep-alive request answered and never read': () =>
      `GET /healthz?${BIG.slice(0, 10)} HTTP/1.1\r\nHost: x\r\n\r\n`,
  };

  for (const [name, sent] of Object.entries(clients)) {
    it(`finishes with a client that has ${name}, and cuts it`, async () => {
      const server = await startTestServer({ closeGraceMs: 200 });
      const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const port = Number(new URL(origin).port);
      const socket = await lingeringClient(port, sent(origin));
      const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      // Resolves only once the server's last socket is gone.
      await server.app.close();
      socket.resume();
      await ended;
      expect(socket.destroyed).toBe(true);
    });
  }

  it('lets a request in flight finish within the grace, and answers it', async () => {
    const server = await startTestServer({ closeGraceMs: 60_000 });
    const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const body = JSON.stringify({ email: 'nobody@example.org', password: 'not the password at all' });
    const socket = await lingeringClient(
      Number(new URL(origin).port),
      `POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    socket.resume();
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const closed = server.app.close();
    socket.write(body.slice(10));
    await closed;
    // The server is done once its socket is gone; this end reads the answer when its own events run
    // (under load that was after `closed`, and the answer looked empty).
    await ended;
    // Fastify answers what arrives while closing with 503: an answer, not a cut.
    expect(answer).toMatch(/^HTTP\/1\.1 (401|503) /);
  });

  it('cuts a sync socket that stops reading before it answers the closing handshake', async () => {
    const server = await startTestServer({ documents: { closeTimeoutMs: 200 } });
    const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const accountId = await registerAccount(server.app, 'deaf@example.org');
    const { accessToken } = await login(server.app, 'deaf@example.org');
    const socket = await lingeringClient(
      Number(new URL(origin).port),
      `GET /sync/u/${accountId}/prefs?token=${accessToken} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n` +
        'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    socket.resume();
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    // Upgraded and served; from now on it reads nothing and answers nothing (ws waited 30 s for its close frame).
    socket.pause();
    const gone = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await server.app.close();
    socket.resume();
    await gone;
    expect(socket.destroyed).toBe(true);
  });
});
