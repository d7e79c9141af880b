import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DISTRIBUTION_PATHS } from '../../common/contract/distribution.js';
import { generateSigningKeys, signBytes } from '../../content-packs/format/signing.js';
import type { SyncServer } from '../server.js';
import { login, registerAccount, signedInAdmin, startTestServer } from '../testing/test-server.js';

const servers: SyncServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.app.close()));
});

const INSTALLER = 'Lionagi Learn-1.2.0.AppImage';

async function feedServer() {
  const server = await startTestServer({ dataDir: mkdtempSync(join(tmpdir(), 'app-feed-')) });
  servers.push(server);
  const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await signedInAdmin(server);
  await registerAccount(server.app, 'learner@example.org');
  const learner = await login(server.app, 'learner@example.org');
  const upload = (name: string, bytes: Buffer, token = admin.accessToken) =>
    fetch(`${origin}${DISTRIBUTION_PATHS.appFiles}/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
  const release = (channel: string, body: unknown, token = admin.accessToken) =>
    fetch(`${origin}${DISTRIBUTION_PATHS.appRelease}/${channel}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const sign = (channel: string, body: unknown, token = admin.accessToken) =>
    fetch(`${origin}${DISTRIBUTION_PATHS.appSignatures}/${channel}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { origin, admin, learner, upload, release, sign };
}

const infoOf = (bytes: Buffer, version = '1.2.0') => ({
  version,
  files: [{ url: INSTALLER, sha512: createHash('sha512').update(bytes).digest('base64'), size: bytes.length }],
  releaseDate: '2026-12-01T00:00:00.000Z',
});

describe("the class server's app-update feed (electron-updater generic provider)", { timeout: 30_000 }, () => {
  it('serves a release electron-updater parses, with the staged rollout, and its installer byte for byte', async () => {
    const { origin, upload, release } = await feedServer();
    const installer = randomBytes(300_000);
    expect((await upload(INSTALLER, installer)).status).toBe(200);
    expect((await release('latest-linux.yml', { info: infoOf(installer), stagingPercentage: 25 })).status).toBe(200);

    const channelUrl = new URL(`${origin}${DISTRIBUTION_PATHS.appFeed}/latest-linux.yml`);
    const text = await (await fetch(channelUrl)).text();
    // electron-updater's own parsing and file resolution, as the app runs them.
    const info = parseUpdateInfo(text, 'latest-linux.yml', channelUrl);
    expect(info.version).toBe('1.2.0');
    expect(info.stagingPercentage).toBe(25);
    const [file] = resolveFiles(info, new URL(`${origin}${DISTRIBUTION_PATHS.appFeed}/`));
    const downloaded = Buffer.from(await (await fetch(file!.url)).arrayBuffer());
    expect(createHash('sha512').update(downloaded).digest('base64')).toBe(file!.info.sha512);
    const tail = await fetch(file!.url, { headers: { range: 'bytes=299990-' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(installer.subarray(299_990))).toBe(true);
  });

  it('refuses a release naming a file that is missing or differs, and keeps the release before', async () => {
    const { origin, upload, release } = await feedServer();
    const installer = randomBytes(1000);
    await upload(INSTALLER, installer);
    expect((await release('latest.yml', { info: infoOf(installer, '1.2.0') })).status).toBe(200);
    const other = randomBytes(1000);
    const wrong = await release('latest.yml', { info: infoOf(other, '1.3.0') });
    expect(wrong.status).toBe(409);
    const missing = await release('latest.yml', {
      info: { ...infoOf(installer, '1.3.0'), files: [{ ...infoOf(installer).files[0]!, url: 'gone.exe' }] },
    });
    expect(missing.status).toBe(409);
    const text = await (await fetch(`${origin}${DISTRIBUTION_PATHS.appFeed}/latest.yml`)).text();
    expect(parseUpdateInfo(text, 'latest.yml', new URL(origin)).version).toBe('1.2.0');
  });

  it('lets only admins write it, and no name outside the feed folder or over a channel file', async () => {
    const { origin, learner, upload, release } = await feedServer();
    const installer = randomBytes(1000);
    expect((await upload(INSTALLER, installer, learner.accessToken)).status).toBe(403);
    expect((await upload(INSTALLER, installer, 'nope')).status).toBe(401);
    expect((await release('latest.yml', { info: infoOf(installer) }, learner.accessToken)).status).toBe(403);
    for (const name of ['../sync.db', '..', '.hidden', 'latest.yml', 'latest-linux.yml', 'a/b']) {
      expect((await upload(name, installer)).status, name).toBeGreaterThanOrEqual(400);
    }
    expect((await release('../x.yml', { info: infoOf(installer) })).status).toBeGreaterThanOrEqual(400);
    expect((await release('latest.yml', { info: infoOf(installer), stagingPercentage: 101 })).status).toBe(400);
    for (const path of ['latest.yml', '..%2Fsync.db', '%2E%2E', 'nothing.exe']) {
      expect((await fetch(`${origin}${DISTRIBUTION_PATHS.appFeed}/${path}`)).status, path).toBe(404);
    }
  });

  it('keeps the publisher signature of a channel file beside it, written by admins only, until the next release', async () => {
    const { origin, learner, upload, release, sign } = await feedServer();
    const installer = randomBytes(1000);
    await upload(INSTALLER, installer);
    const publisher = generateSigningKeys();
    const signature = signBytes(Buffer.from('a channel file'), publisher.privateKey);
    // Nothing to sign before the release is there.
    expect((await sign('latest.yml', signature)).status).toBe(409);
    expect((await release('latest.yml', { info: infoOf(installer) })).status).toBe(200);

    expect((await sign('latest.yml', signature, learner.accessToken)).status).toBe(403);
    expect((await sign('latest.yml', signature, 'nope')).status).toBe(401);
    const malformed = [
      { ...signature, signature: 'not base64!' },
      { ...signature, signature: Buffer.alloc(32).toString('base64') },
      { ...signature, keyId: 'XYZ' },
      { ...signature, algorithm: 'rsa' },
      { ...signature, extra: 1 },
      'a signature',
    ];
    for (const body of malformed) expect((await sign('latest.yml', body)).status, JSON.stringify(body)).toBe(400);
    expect((await sign('../x.yml', signature)).status).toBeGreaterThanOrEqual(400);
    const sigUrl = `${origin}${DISTRIBUTION_PATHS.appFeed}/latest.yml.sig`;
    expect((await fetch(sigUrl)).status).toBe(404);

    expect((await sign('latest.yml', signature)).status).toBe(200);
    const served = await fetch(sigUrl);
    expect(served.headers.get('cache-control')).toBe('no-cache');
    expect(await served.json()).toEqual(signature);
    // No installer may take a signature's name.
    expect((await upload('latest.yml.sig', installer)).status).toBe(400);
    // A new release's bytes are not what was signed: its old signature goes with it.
    expect((await release('latest.yml', { info: infoOf(installer, '1.3.0') })).status).toBe(200);
    expect((await fetch(sigUrl)).status).toBe(404);
  });
});
