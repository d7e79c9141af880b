import { ADMIN_SESSION_HEADER } from '../../common/contract/admin.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildPackArchive } from '../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import { rawRequest, startWebServerFixture, TEST_TOKEN as TOKEN } from './web-server-fixture.js';
import type { WebServerFixture } from './web-server-fixture.js';

describe('browser face over real HTTP and WebSocket', () => {
  let web: WebServerFixture;
  let base: string;

  beforeAll(async () => {
    web = await startWebServerFixture();
    base = web.base;
  });
  afterAll(() => web.close());

  const call = (method: string, body: unknown, token = TOKEN) =>
    fetch(`${base}/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('serves the app at / with a strict CSP', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Lionagi Learn');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(web.server.url).toBe(`${base}/#token=${TOKEN}`);
  });

  it('answers contract calls with envelopes', async () => {
    const response = await call('getModule', { moduleId: 'demo/basics' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: { lessons: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.value.lessons).toHaveLength(2);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('maps errors to status codes and clear messages', async () => {
    const missing = await call('getLesson', { lessonId: 'demo/missing' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'No installed lesson "demo/missing".',
        messageI18n: { key: 'lesson-unknown', params: { id: 'demo/missing' } },
      },
    });
    const invalid = await call('getLesson', { lessonId: 42 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call('dropTables', {})).status).toBe(404);
  });

  it('refuses API calls without the right token', async () => {
    expect((await call('listModules', {}, 'wrong')).status).toBe(401);
    const noAuth = await fetch(`${base}/api/call/listModules`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noAuth.status).toBe(401);
  });

  it('answers only the loopback names as Host (DNS rebinding), however the header is spelled', async () => {
    const port = web.server.port;
    const hostStatus = async (host: string, path: string) =>
      (await rawRequest(port, { path, headers: { Host: host, Authorization: `Bearer ${TOKEN}` } })).status;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`])
      expect({ host, status: await hostStatus(host, '/') }).toEqual({ host, status: 200 });
    for (const host of [
      `rebind.example:${port}`,
      'rebind.example',
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `127.0.0.1:${port}.rebind.example`,
      `127.0.0.1%3A${port}`,
      `127.0.0.1:${port}@rebind.example`,
      `rebind.example@127.0.0.1:${port}`,
      `localhost.:${port}`,
      `0.0.0.0:${port}`,
      `127.1:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `127.0.0.1:0${port}`,
    ])
      for (const path of ['/', '/index.html', '/api/events'])
        expect({ host, path, status: await hostStatus(host, path) }).toEqual({ host, path, status: 421 });
  });

  it('serves nothing outside the renderer folder and no dotfiles, however the path is spelled', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/....//secret.txt',
      '/.%2e/secret.txt',
      '/index.html/../../secret.txt',
      `/${'..%2f'.repeat(12)}etc/passwd`,
      '/.env',
      '/%2eenv',
      '/./.env',
      '/index.html%00.js',
    ]) {
      const response = await rawRequest(web.server.port, { path, headers: { Host: `127.0.0.1:${web.server.port}` } });
      expect({ path, refused: response.status >= 400, leaks: /secret-outside|root:/.test(response.body) }).toEqual({
        path,
        refused: true,
        leaks: false,
      });
    }
  });

  it('pushes core events over the WebSocket to an authorized client', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${web.server.port}/api/events?token=${TOKEN}`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const received = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    web.events.emit({ type: 'catalog-changed' });
    expect(await received).toEqual({ type: 'catalog-changed' });
    socket.close();
  });

  it('imports an uploaded pack signed by a trusted key for an admin, and refuses what is not one', async () => {
    const keys = generateSigningKeys();
    const unlocked = (await (await call('setAdminPassword', { password: 'admin password' })).json()) as {
      value: { session: string };
    };
    const admin = unlocked.value.session;
    await call('addTrustedKey', { session: admin, publicKey: keys.publicKey, label: 'test' });
    const archive = await buildPackArchive(writePackFixture({ id: 'uploaded' }), keys.privateKey);
    const upload = (body: Buffer, token = TOKEN, session: string | null = admin, name?: string) =>
      fetch(`${base}/api/upload-pack${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/octet-stream',
          Authorization: `Bearer ${token}`,
          ...(session ? { [ADMIN_SESSION_HEADER]: session } : {}),
        },
        body,
      });
    expect((await upload(archive, 'wrong')).status).toBe(401);
    // A learner (no admin session) is told an admin must do it, and nothing is installed.
    const asLearner = await upload(archive, TOKEN, null);
    expect(asLearner.status).toBe(403);
    expect(await asLearner.json()).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Only a machine admin/) },
    });
    const response = await upload(archive);
    expect(await response.json()).toMatchObject({ ok: true, value: { packId: 'uploaded', status: 'installed' } });
    const modules = (await (await call('listModules', {})).json()) as { value: { id: string }[] };
    expect(modules.value.map((m) => m.id)).toContain('uploaded/basics');
    const garbage = await upload(Buffer.from('not a pack'));
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/does not end with a pack seal/) },
    });
    // The error names the file the learner chose, never the server's temp copy.
    for (const [name, shown] of [
      ['week 3.lpack', '“week 3.lpack”'],
      ['C:\\Users\\ada\\week 3.lpack', '“week 3.lpack”'],
      ['../../etc/\u202epack.lpack', '“pack.lpack”'],
      [undefined, 'the uploaded file'],
    ] as const) {
      const named = (await (await upload(Buffer.from('not a pack'), TOKEN, admin, name)).json()) as {
        error: { message: string };
      };
      expect(named.error.message).toContain(`Cannot use ${shown}:`);
      expect(named.error.message).not.toMatch(/lionlearn-upload|upload\.lpack|\/tmp\//);
    }
  });

  it('refuses a WebSocket without the token', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${web.server.port}/api/events`);
    const status = await new Promise<number>((resolve) =>
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });
});
