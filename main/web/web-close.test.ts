import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { startWebServerFixture } from './web-server-fixture.js';

// `lionlearn serve` stopped by Ctrl+C waited for a browser tab's idle keep-alive socket or a client that
// connected and sent half a request; the close now cuts them after the grace (infra/http/close-connections.ts).
it('closes the browser face while a client holds a connection that sends half a request', async () => {
  const web = await startWebServerFixture();
  const socket = connect({ port: Number(new URL(web.base).port), host: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write('GET /api/call/getCatalog HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await web.close();
  await ended;
  expect(socket.destroyed).toBe(true);
}, 30_000);
