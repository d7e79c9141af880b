import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { redactUrl, serverLogOptions } from './server-logging.js';

function capturedLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('server logs', () => {
  it('never contain tokens or passwords, from the URL, headers or a logged body', async () => {
    const { lines, logger } = capturedLogs();
    const app = Fastify(serverLogOptions(logger));
    app.post('/sync/*', async (request) => {
      request.log.info({ body: request.body, path: request.url, headers: request.headers }, 'handled');
      return { ok: true };
    });
    const response = await app.inject({
      method: 'POST',
      url: '/sync/u/doc?token=ACCESS-SECRET&ack=1&refresh_token=REFRESH-SECRET',
      headers: { authorization: 'Bearer HEADER-SECRET', cookie: 'sid=COOKIE-SECRET' },
      payload: { email: 'a@example.org', password: 'PASSWORD-SECRET', refreshToken: 'BODY-SECRET' },
    });
    await app.close();

    expect(response.statusCode).toBe(200);
    const output = lines.join('');
    expect(output).toContain('ack=1');
    expect(output).toContain('a@example.org');
    expect(output).toContain('[redacted]');
    expect(output).not.toMatch(/SECRET/);
  });

  it('tags every line of a request with one id, keeping a well-formed X-Request-Id from a proxy', async () => {
    const { lines, logger } = capturedLogs();
    const app = Fastify(serverLogOptions(logger));
    app.get('/ping', async () => 'pong');
    await app.inject({ method: 'GET', url: '/ping', headers: { 'x-request-id': 'lb-1234' } });
    await app.inject({ method: 'GET', url: '/ping', headers: { 'x-request-id': 'forged"\n{"level":60' } });
    await app.close();

    const ids = lines.map((line) => (JSON.parse(line) as { reqId?: string }).reqId).filter(Boolean);
    expect(ids.slice(0, 2)).toEqual(['lb-1234', 'lb-1234']);
    expect(ids[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[3]).toBe(ids[2]);
  });

  it('redacts only secret query parameters', () => {
    expect(redactUrl('/sync/u/x/prefs?ack=1&token=abc.def&x=2')).toBe('/sync/u/x/prefs?ack=1&token=[redacted]&x=2');
    expect(redactUrl('/sync/u/x/prefs?notatoken=1')).toBe('/sync/u/x/prefs?notatoken=1');
  });
});
