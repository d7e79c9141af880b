import { ADMIN_SESSION_HEADER } from '../../common/contract/admin.js';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../common/contract/errors.js';
import { readResultEnvelope } from '../../common/contract/result-envelope.js';
import { coreCatalogs } from '../../common/i18n/catalogs.js';
import { englishText } from '../../common/i18n/message.js';
import type { MessageRef } from '../../common/i18n/message.js';
import { rawRequest, startWebServerFixture, TEST_TOKEN } from './web-server-fixture.js';
import type { RawResponse, WebServerFixture } from './web-server-fixture.js';
import { API_BODY_LIMIT } from './web-server.js';

const UPLOAD_LIMIT = 64 * 1024;

/** The body is the contract's error envelope, with a code the faces know and a message for people. */
function expectEnvelope(response: RawResponse, status: number, code: ErrorCode) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as { error: { message: string; messageI18n: MessageRef } };
  expect(body).toEqual({
    ok: false,
    error: {
      code,
      message: expect.stringMatching(/\w{3}/) as string,
      // Every refusal names its catalog message, the face's own as the core's, for the renderer to translate.
      messageI18n: expect.objectContaining({ key: expect.any(String) }) as MessageRef,
    },
  });
  expect(englishText(body.error.messageI18n)).toBe(body.error.message);
  expect(coreCatalogs.de[body.error.messageI18n.key], body.error.messageI18n.key).toBeDefined();
  // What the renderer's transport makes of it: the same code and message, not undefined ones.
  expect(readResultEnvelope(response.status, response.body)).toEqual(body);
}

/** Writes bytes straight to the socket, for requests no HTTP client will send. */
function rawSocket(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(answer) : reject(error),
    );
  });
}

describe('the browser face answers every refusal in the contract format', () => {
  let web: WebServerFixture;
  let host: string;
  const auth = () => ({ Host: host, Authorization: `Bearer ${TEST_TOKEN}` });
  const callWith = (headers: Record<string, string>, body?: string | Buffer, path = '/api/call/listLearners') =>
    rawRequest(web.server.port, { method: 'POST', path, headers: { ...auth(), ...headers }, body });

  beforeAll(async () => {
    web = await startWebServerFixture({ maxUploadBytes: UPLOAD_LIMIT });
    host = `127.0.0.1:${web.server.port}`;
  });
  afterAll(() => web.close());

  it('refuses an over-limit JSON call with 413 and a real code and message', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(API_BODY_LIMIT) });
    const response = await callWith({ 'Content-Type': 'application/json' }, big);
    expectEnvelope(response, 413, 'invalid-input');
    expect(response.body).toContain('1 MB');
  });

  it('refuses an over-limit pack upload, declared or streamed, and keeps serving', async () => {
    // An admin's upload, so that the size is what stops it.
    const admin = { [ADMIN_SESSION_HEADER]: web.core.ownerSession() };
    const upload = (headers: Record<string, string>) =>
      rawRequest(web.server.port, {
        method: 'PUT',
        path: '/api/upload-pack',
        headers: { ...auth(), ...admin, 'Content-Type': 'application/octet-stream', ...headers },
        body: Buffer.alloc(UPLOAD_LIMIT * 4),
      });
    const declared = await upload({});
    expectEnvelope(declared, 413, 'invalid-input');
    expect(declared.body).toContain('larger than a pack may be');
    const streamed = await upload({ 'Transfer-Encoding': 'chunked' });
    expectEnvelope(streamed, 413, 'invalid-input');
    expect((await callWith({ 'Content-Type': 'application/json' }, '{}')).status).toBe(200);
  });

  it('refuses a pack upload without an admin session before reading it, saying an admin must do it', async () => {
    const refused = await rawRequest(web.server.port, {
      method: 'PUT',
      path: '/api/upload-pack',
      headers: { ...auth(), 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' },
      body: Buffer.alloc(UPLOAD_LIMIT * 4),
    });
    expectEnvelope(refused, 403, 'forbidden');
    expect(refused.body).toContain('Only a machine admin can do this');
  });

  it('refuses malformed and empty JSON', async () => {
    for (const body of ['{', '{"a":', 'nul', '\u0000', '{"__proto__":{"x":1}}'])
      expectEnvelope(await callWith({ 'Content-Type': 'application/json' }, body), 400, 'invalid-input');
    expectEnvelope(await callWith({ 'Content-Type': 'application/json' }, ''), 400, 'invalid-input');
  });

  it('refuses content types a route does not take (a cross-site form cannot call the API)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])
      expectEnvelope(await callWith({ 'Content-Type': type }, '{}'), 415, 'invalid-input');
    expectEnvelope(
      await rawRequest(web.server.port, {
        method: 'PUT',
        path: '/api/upload-pack',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{"file":"/etc/passwd"}',
      }),
      415,
      'invalid-input',
    );
  });

  it('answers unknown addresses under /api and elsewhere with not-found', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/call/listLearners'],
      ['GET', '/api'],
      ['PATCH', '/api/upload-pack'],
      ['POST', '/nothing'],
      ['GET', '/missing.js'],
    ] as const)
      expectEnvelope(await rawRequest(web.server.port, { method, path, headers: auth() }), 404, 'not-found');
    expectEnvelope(
      await callWith({ 'Content-Type': 'application/json' }, '{}', '/api/call/dropTables'),
      404,
      'unknown-method',
    );
  });

  it('refuses a path that does not decode and a request Node cannot parse', async () => {
    expectEnvelope(await rawRequest(web.server.port, { path: '/api/call/%zz', headers: auth() }), 400, 'invalid-input');
    const garbled = await rawSocket(web.server.port, 'GET /api/call/x HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(garbled).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbled.slice(garbled.indexOf('\r\n\r\n') + 4))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const huge = await rawSocket(
      web.server.port,
      `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toContain('"ok":false');
  });
});
