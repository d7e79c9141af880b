import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DISTRIBUTION_PATHS, packFeedSchema } from '../../common/contract/distribution.js';
import type { PublishResult } from '../../common/contract/distribution.js';
import { serverErrorBodySchema } from '../../common/contract/server-error-body.js';
import { coreTranslate, createCoreI18n } from '../../common/i18n/translator.js';
import { buildPackArchive } from '../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import type { SyncServer } from '../server.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../testing/test-accounts.js';
import { request, startTestServer } from '../testing/test-server.js';

const servers: SyncServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.app.close()));
});

const publisher = generateSigningKeys();
const stranger = generateSigningKeys();

async function lpack(version: string, keys = publisher, id = 'demo', title = 'Demo pack'): Promise<Buffer> {
  return buildPackArchive(writePackFixture({ id, version, title }), keys.privateKey);
}

/** A listening server (real HTTP) that trusts `publisher` for publishing, with an admin and a learner signed in. */
async function classServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'feed-server-'));
  mkdirSync(join(dataDir, 'pack-keys'));
  writeFileSync(join(dataDir, 'pack-keys', 'publisher.pub'), publisher.publicKey);
  const server = await startTestServer({ dataDir });
  servers.push(server);
  const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await signedInAdmin(server);
  await registerAccount(server.app, 'learner@example.org');
  const learner = await login(server.app, 'learner@example.org');
  const publish = (body: Buffer, token = admin.accessToken) =>
    fetch(`${origin}${DISTRIBUTION_PATHS.packs}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
  const feed = (token = learner.accessToken, etag?: string) =>
    fetch(`${origin}${DISTRIBUTION_PATHS.packs}`, {
      headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
    });
  return { server, dataDir, origin, admin, learner, publish, feed };
}

/** A raw GET, so that the Range header reaches the server exactly as written. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Each test registers and signs in accounts (scrypt): seconds on a busy machine.
describe('the class server pack feed', { timeout: 30_000 }, () => {
  it('lets only admins publish: no token 401, learner and teacher 403, nothing kept', async () => {
    const { server, admin, learner, publish, feed, origin } = await classServer();
    const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
    const file = await lpack('1.0.0');
    const anonymous = await fetch(`${origin}${DISTRIBUTION_PATHS.packs}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(file),
    });
    expect(anonymous.status).toBe(401);
    expect((await publish(file, learner.accessToken)).status).toBe(403);
    expect((await publish(file, teacher.accessToken)).status).toBe(403);
    expect(packFeedSchema.parse(await (await feed()).json()).packs).toEqual([]);
    expect((await feed('not-a-token')).status).toBe(401);
  });

  it('verifies against its own trust store: an untrusted key, a changed byte, a cut file or no pack are refused', async () => {
    const { publish, feed } = await classServer();
    const good = await lpack('1.0.0');
    const flipped = Buffer.from(good);
    flipped[100] = flipped[100]! ^ 0xff;
    const refusals: [Buffer, RegExp][] = [
      // The server's own remedy (its pack-keys folder), not the app's (Settings, `lionlearn trust add`).
      [
        await lpack('1.0.0', stranger),
        /not trusted here; the class server's admin must copy .*pack-keys(?!.*trust add)/,
      ],
      [flipped, /refused the pack/],
      [good.subarray(0, good.length - 10), /refused the pack/],
      [Buffer.from('hello'), /refused the pack/],
    ];
    for (const [body, reason] of refusals) {
      const response = await publish(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(reason);
    }
    // Said from the catalog: a German publisher reads the server's remedy in German, the reason not wrapped twice.
    const refused = serverErrorBodySchema.parse(await (await publish(await lpack('1.0.0', stranger))).json());
    const german = coreTranslate(createCoreI18n('de'))(refused.messageI18n!, refused.message);
    expect(german).toMatch(
      /^Der Klassenserver hat die Paketdatei abgelehnt: sie ist mit Schlüssel [0-9a-f]{16} signiert, dem hier nicht vertraut wird; der Admin des Klassenservers muss .* pack-keys /,
    );
    expect(german).not.toMatch(/trust add|Einstellungen|Cannot use/);
    expect(packFeedSchema.parse(await (await feed()).json()).packs).toEqual([]);
  });

  it('keeps versions, lists the newest, refuses other bytes for a published version, and answers 304 while unchanged', async () => {
    const { publish, feed } = await classServer();
    const v1 = await lpack('1.0.0');
    const first = await publish(v1);
    expect(first.status).toBe(201);
    expect(((await first.json()) as PublishResult).status).toBe('published');
    const again = await publish(v1);
    expect(again.status).toBe(200);
    expect(((await again.json()) as PublishResult).status).toBe('unchanged');
    const one = await feed();
    const etag = one.headers.get('etag')!;
    expect((await feed(undefined, etag)).status).toBe(304);

    expect((await publish(await lpack('1.1.0'))).status).toBe(201);
    expect((await publish(await lpack('0.9.0'))).status).toBe(201);
    const changed = await feed(undefined, etag);
    expect(changed.status).toBe(200);
    expect(packFeedSchema.parse(await changed.json()).packs.map((p) => p.version)).toEqual(['1.1.0']);

    // The same version with other contents: apps that resumed half of the first would splice two files.
    const rebuilt = await publish(await lpack('1.1.0', publisher, 'demo', 'Another title'));
    expect(rebuilt.status).toBe(409);
    expect(((await rebuilt.json()) as { message: string }).message).toMatch(/published already with other bytes/);
  });

  it('keeps a pack id with the key it was first published with', async () => {
    const { dataDir, publish } = await classServer();
    writeFileSync(join(dataDir, 'pack-keys', 'stranger.pub'), stranger.publicKey);
    expect((await publish(await lpack('1.0.0'))).status).toBe(201);
    const other = await publish(await lpack('2.0.0', stranger));
    expect(other.status).toBe(409);
    expect(((await other.json()) as { message: string }).message).toMatch(/signed by key/);
  });

  it('gives a class with a list only its packs, the others all', async () => {
    const { server, admin, learner, publish, feed, origin } = await classServer();
    expect((await publish(await lpack('1.0.0', publisher, 'alpha'))).status).toBe(201);
    expect((await publish(await lpack('1.0.0', publisher, 'beta'))).status).toBe(201);
    const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
    const created = await request(server.app, 'POST', '/classes', {
      token: teacher.accessToken,
      body: { name: 'Lab 1' },
    });
    const { id, joinCode } = created.json() as { id: string; joinCode: string };
    expect(
      (await request(server.app, 'POST', '/classes/join', { token: learner.accessToken, body: { joinCode } }))
        .statusCode,
    ).toBe(200);
    const setList = (packIds: string[] | null, token = admin.accessToken) =>
      fetch(`${origin}${DISTRIBUTION_PATHS.classPacks}/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ packIds }),
      });
    expect((await setList(['beta'], learner.accessToken)).status).toBe(403);
    expect((await setList(['beta'])).status).toBe(200);
    const ids = async (token?: string) =>
      packFeedSchema.parse(await (await feed(token)).json()).packs.map((p) => p.packId);
    expect(await ids()).toEqual(['beta']);
    expect(await ids(admin.accessToken)).toEqual(['alpha', 'beta']);
    // The list limits downloads too: a hash learned elsewhere does not open a pack outside it.
    const shaOf = async (packId: string, token = admin.accessToken) =>
      packFeedSchema.parse(await (await feed(token)).json()).packs.find((p) => p.packId === packId)!.sha256;
    const alpha = await shaOf('alpha');
    const beta = await shaOf('beta');
    const download = async (sha256: string, token: string) =>
      (await rawGet(`${origin}${DISTRIBUTION_PATHS.packFile}/${sha256}`, { authorization: `Bearer ${token}` })).status;
    expect(await download(alpha, learner.accessToken)).toBe(404);
    expect(await download(beta, learner.accessToken)).toBe(200);
    expect(await download(alpha, admin.accessToken)).toBe(200);
    expect((await setList(null)).status).toBe(200);
    expect(await ids()).toEqual(['alpha', 'beta']);
    expect(await download(alpha, learner.accessToken)).toBe(200);
  });

  it('serves a published file whole or the one range asked, and ignores or refuses hostile Range headers', async () => {
    const { publish, learner, origin } = await classServer();
    const file = await lpack('1.0.0');
    const { sha256 } = (await (await publish(file)).json()) as PublishResult;
    const url = `${origin}${DISTRIBUTION_PATHS.packFile}/${sha256}`;
    const auth = { authorization: `Bearer ${learner.accessToken}` };
    const size = file.length;

    const whole = await rawGet(url, auth);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(file)).toBe(true);
    expect(whole.headers.etag).toBe(`"${sha256}"`);

    const slice = await rawGet(url, { ...auth, range: 'bytes=10-19' });
    expect(slice.status).toBe(206);
    expect(slice.headers['content-range']).toBe(`bytes 10-19/${size}`);
    expect(slice.body.equals(file.subarray(10, 20))).toBe(true);
    const tail = await rawGet(url, { ...auth, range: 'bytes=-7' });
    expect(tail.body.equals(file.subarray(size - 7))).toBe(true);
    const clamped = await rawGet(url, { ...auth, range: `bytes=${size - 3}-${size * 10}` });
    expect(clamped.status).toBe(206);
    expect(clamped.body.equals(file.subarray(size - 3))).toBe(true);

    for (const range of [`bytes=${size}-`, 'bytes=99999999999999999999999-', 'bytes=-0']) {
      const refused = await rawGet(url, { ...auth, range });
      expect(refused.status, range).toBe(416);
      expect(refused.headers['content-range']).toBe(`bytes */${size}`);
      expect(refused.body.length).toBe(0);
    }
    // Several, overlapping, inverted or negative ranges: the whole file once, never a multiplied answer.
    const many = Array.from({ length: 500 }, () => '0-').join(',');
    for (const range of [`bytes=${many}`, 'bytes=0-5,3-9', 'bytes=50-10', 'bytes=-5-10', 'bytes=--1']) {
      const answer = await rawGet(url, { ...auth, range });
      expect(answer.status, range).toBe(200);
      expect(answer.body.equals(file)).toBe(true);
    }
    // A resume whose If-Range names other bytes gets the whole file, never a splice.
    const stale = await rawGet(url, { ...auth, range: 'bytes=10-', 'if-range': '"0000"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(size);

    expect((await rawGet(url, {})).status).toBe(401);
    expect((await rawGet(`${origin}${DISTRIBUTION_PATHS.packFile}/${'0'.repeat(64)}`, auth)).status).toBe(404);
    expect((await rawGet(`${origin}${DISTRIBUTION_PATHS.packFile}/..%2F..%2Fsync.db`, auth)).status).toBe(404);
  });
});
