import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { LearnEvent } from '../../common/contract/events.js';
import { buildPackArchive } from '../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import { createCore } from '../core/create-core.js';
import type { Core } from '../core/create-core.js';
import { EventHub } from '../core/event-hub.js';
import { startWebServer } from './web-server.js';
import type { RunningWebServer } from './web-server.js';

const TOKEN = 'test-token-123';

describe('browser face over real HTTP and WebSocket', () => {
  let core: Core;
  let server: RunningWebServer;
  let base: string;
  const events = new EventHub<LearnEvent>();

  beforeAll(async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lionagi Learn</title>');
    core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'web-')),
      appVersion: '1.0.0',
      bundledPacksDir: dirname(writePackFixture()),
      logger: pino({ level: 'silent' }),
    });
    // The core's own events plus a hub the test can fire, to prove the socket forwards whatever the core emits.
    const onEvent = (listener: (event: LearnEvent) => void) => {
      const offCore = core.onEvent(listener);
      const offTest = events.subscribe(listener);
      return () => (offCore(), offTest());
    };
    server = await startWebServer({
      core: { ...core, onEvent },
      rendererDir,
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    core.close();
  });

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
    expect(server.url).toBe(`${base}/#token=${TOKEN}`);
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
      error: { code: 'not-found', message: 'No installed lesson "demo/missing".' },
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

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/', headers: { Host: `rebind.example:${server.port}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('pushes core events over the WebSocket to an authorized client', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events?token=${TOKEN}`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const received = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    events.emit({ type: 'catalog-changed' });
    expect(await received).toEqual({ type: 'catalog-changed' });
    socket.close();
  });

  it('imports an uploaded pack signed by a trusted key, and refuses what is not one', async () => {
    const keys = generateSigningKeys();
    await call('addTrustedKey', { publicKey: keys.publicKey, label: 'test' });
    const archive = await buildPackArchive(writePackFixture({ id: 'uploaded' }), keys.privateKey);
    const upload = (body: Buffer, token = TOKEN) =>
      fetch(`${base}/api/upload-pack`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
        body,
      });
    expect((await upload(archive, 'wrong')).status).toBe(401);
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
  });

  it('refuses a WebSocket without the token', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`);
    const status = await new Promise<number>((resolve) =>
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });
});
