import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../common/contract/bridge.js';
import type { DistributionStatus } from '../../common/contract/distribution.js';
import type { NotificationList } from '../../common/contract/notifications.js';
import type { InstalledPack } from '../../common/contract/packs.js';
import { buildPackArchive } from '../../content-packs/format/pack-archive.js';
import { padFixtureLessons, writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import type { SigningKeys } from '../../content-packs/format/signing.js';
import { openDatabase } from '../../infra/sqlite/open-database.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';
import { createFirstAdmin, startServerProcess } from '../sync/support/server-process.js';
import { runCli, tempDir } from './support/processes.js';

const ADMIN = { email: 'admin@lab.example', password: 'lab admin passphrase' };
const PASSWORD = 'learner passphrase 1';
const publisher = generateSigningKeys();
const otherPublisher = generateSigningKeys();

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/** The built class server, trusting the given keys for publishing, with its first admin. */
async function classServer(keys: SigningKeys[] = [publisher]) {
  const dataDir = tempDir('feed-server-');
  mkdirSync(join(dataDir, 'pack-keys'));
  for (const [i, k] of keys.entries()) writeFileSync(join(dataDir, 'pack-keys', `key-${i}.pub`), k.publicKey);
  createFirstAdmin(dataDir, ADMIN.email, ADMIN.password);
  const server = await startServerProcess(dataDir, 0);
  cleanup.push(() => server.kill('SIGTERM'));
  return { dataDir, server };
}

async function registerLearner(origin: string, email: string): Promise<void> {
  const response = await fetch(`${origin}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, displayName: email.split('@')[0] }),
  });
  expect(response.status).toBe(201);
}

/** `lionlearn admin publish`, as an admin runs it (the password from the environment, never argv). */
function publish(file: string, origin: string, email = ADMIN.email, password = ADMIN.password) {
  return runCli(['admin', 'publish', file, '--server', origin, '--email', email], {
    LIONLEARN_SERVER_PASSWORD: password,
  });
}

async function writeLpack(keys: SigningKeys, id: string, version: string, bytes = 0): Promise<string> {
  const source = writePackFixture({ id, version });
  if (bytes > 0) padFixtureLessons(source, bytes);
  const file = join(tempDir('lpack-'), `${id}-${version}.lpack`);
  writeFileSync(file, await buildPackArchive(source, keys.privateKey));
  return file;
}

/** An app instance: its own data folder, trusting both publishers, one learner linked to the class server. */
async function appInstance(serverUrl: string, email: string, intervalMs?: number) {
  const dataDir = tempDir('feed-app-');
  const core: Core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    logger: pino({ level: 'silent' }),
    ...(intervalMs ? { distributionIntervalMs: intervalMs } : {}),
  });
  cleanup.push(() => core.close());
  const value = async <T>(method: string, input?: unknown): Promise<T> => {
    const result = await dispatch(core.api, method, input, () => {});
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const { session: admin } = await value<{ session: string }>('setAdminPassword', { password: 'machine admin pw' });
  await value('addTrustedKey', { session: admin, publicKey: publisher.publicKey, label: 'Publisher' });
  await value('addTrustedKey', { session: admin, publicKey: otherPublisher.publicKey, label: 'Other' });
  const { session } = await value<{ session: string }>('createLearner', { profile: { displayName: 'Ada' } });
  await value('linkSyncAccount', { session, serverUrl, email, password: PASSWORD });
  const versionOf = async (packId: string) =>
    (await value<InstalledPack[]>('listPacks')).find((p) => p.id === packId)?.activeVersion;
  return { core, dataDir, value, admin, session, versionOf, pull: () => value<DistributionStatus>('pullPacksNow') };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never happened: ${what}`);
}

/**
 * A loopback TCP proxy in front of the server that can cut a pack download's connection after `cutAfter` bytes
 * of its answer, as a pulled cable does, and keeps every request head it relayed.
 */
async function cablePuller(port: number) {
  const heads: string[] = [];
  const statuses: string[] = [];
  const state = { cutAfter: Infinity, cuts: 0 };
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    let downloading = false;
    let sent = 0;
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      if (/^(GET|POST|PUT) /.test(text)) {
        heads.push(text.split('\r\n\r\n')[0]!);
        downloading = text.includes('/distribution/pack-files/');
        sent = 0;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1', 0, 12));
      if (status) statuses.push(status[1]!);
      sent += chunk.length;
      if (downloading && sent > state.cutAfter) {
        state.cuts += 1;
        state.cutAfter = Infinity;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on('end', () => b.end());
      a.on('error', () => b.destroy());
      a.on('close', () => sockets.delete(a));
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(resolve);
      }),
  );
  const address = proxy.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, heads, statuses, state };
}

const partsIn = (dataDir: string) => {
  const dir = join(dataDir, 'downloads');
  return existsSync(dir) ? readdirSync(dir) : [];
};
const packFolders = (dataDir: string, packId: string) => {
  const dir = join(dataDir, 'packs', packId);
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('the class server pack feed, end to end', () => {
  it('an admin publishes a new version and two apps pick it up and install it without anyone touching them', async () => {
    const { server } = await classServer();
    await registerLearner(server.origin, 'one@lab.example');
    await registerLearner(server.origin, 'two@lab.example');
    const first = await publish(await writeLpack(publisher, 'course', '1.0.0'), server.origin);
    expect(first.stdout).toMatch(/Published course 1\.0\.0/);
    const apps = [
      await appInstance(server.origin, 'one@lab.example', 200),
      await appInstance(server.origin, 'two@lab.example', 200),
    ];
    for (const app of apps) app.core.startSync();
    for (const app of apps) await until(async () => (await app.versionOf('course')) === '1.0.0', 'course 1.0.0');

    expect((await publish(await writeLpack(publisher, 'course', '1.1.0'), server.origin)).stdout).toMatch(
      /Published course 1\.1\.0/,
    );
    for (const app of apps) await until(async () => (await app.versionOf('course')) === '1.1.0', 'course 1.1.0');
    // The version shows as soon as the install commits; the pull then tells the learners and removes its part.
    const settled = async (app: (typeof apps)[number]) =>
      (await app.value<DistributionStatus>('getDistributionStatus')).state === 'idle';
    for (const app of apps) await until(() => settled(app), 'the pull finished');
    for (const app of apps) {
      expect(partsIn(app.dataDir)).toEqual([]);
      expect((await app.value<DistributionStatus>('getDistributionStatus')).serverUrl).toBe(server.origin);
      // The learner whose profile is open hears of it, as of a pack an admin installed by hand.
      const inbox = await app.value<NotificationList>('listNotifications', { session: app.session });
      expect(inbox.items.map((item) => item.title)).toContain('Course updated: course 1.1.0');
    }
  });

  it('refuses a publish by an account that is not a server admin, and a wrong password, publishing nothing', async () => {
    const { server } = await classServer();
    await registerLearner(server.origin, 'one@lab.example');
    const file = await writeLpack(publisher, 'course', '1.0.0');
    const learner = await publish(file, server.origin, 'one@lab.example', PASSWORD);
    expect(learner.code).toBe(1);
    expect(learner.stderr).toMatch(/Only admin accounts may do this/);
    const wrong = await publish(file, server.origin, ADMIN.email, 'not the password');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/lionlearn: /);
    const app = await appInstance(server.origin, 'one@lab.example');
    expect((await app.pull()).outcomes).toEqual([]);
    expect(await app.versionOf('course')).toBeUndefined();
  });

  it('resumes a download cut in the middle with a Range request, and installs nothing until the file is whole', async () => {
    const { server } = await classServer();
    await registerLearner(server.origin, 'one@lab.example');
    const file = await writeLpack(publisher, 'big', '1.0.0', 3_000_000);
    const size = statSync(file).size;
    await publish(file, server.origin);
    const cable = await cablePuller(server.port);
    const app = await appInstance(cable.url, 'one@lab.example');
    cable.state.cutAfter = Math.floor(size / 2);

    const cut = await app.pull();
    expect(cable.state.cuts).toBe(1);
    expect(cut.state).toBe('offline');
    expect(await app.versionOf('big')).toBeUndefined();
    expect(packFolders(app.dataDir, 'big')).toEqual([]);
    const [part] = partsIn(app.dataDir);
    expect(part).toMatch(/\.lpack\.part$/);
    const kept = statSync(join(app.dataDir, 'downloads', part!)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(size);

    const resumed = await app.pull();
    expect(resumed.outcomes).toEqual([{ packId: 'big', version: '1.0.0', status: 'installed' }]);
    expect(await app.versionOf('big')).toBe('1.0.0');
    const resume = cable.heads.filter((h) => h.includes('/distribution/pack-files/')).at(-1)!;
    expect(resume).toMatch(new RegExp(`\\r\\nrange: bytes=${kept}-`, 'i'));
    expect(partsIn(app.dataDir)).toEqual([]);
  });

  it('tells the open learner once that an update is available while its download is cut, then that it was installed', async () => {
    const { server } = await classServer();
    await registerLearner(server.origin, 'one@lab.example');
    const file = await writeLpack(publisher, 'big', '1.1.0', 3_000_000);
    await publish(file, server.origin);
    const cable = await cablePuller(server.port);
    const app = await appInstance(cable.url, 'one@lab.example');
    await app.value('installPack', { session: app.admin, file: await writeLpack(publisher, 'big', '1.0.0') });
    const titles = async () =>
      (await app.value<NotificationList>('listNotifications', { session: app.session })).items.map((i) => i.title);
    cable.state.cutAfter = Math.floor(statSync(file).size / 2);

    expect((await app.pull()).state).toBe('offline');
    expect((await titles()).filter((t) => t === 'A new version of big is available')).toHaveLength(1);
    expect((await app.pull()).outcomes).toMatchObject([{ packId: 'big', version: '1.1.0', status: 'installed' }]);
    expect((await titles()).filter((t) => t === 'A new version of big is available')).toHaveLength(1);
    expect(await app.versionOf('big')).toBe('1.1.0');
    expect(await titles()).toContain('Course updated: big 1.1.0');
  });

  it('answers an unchanged feed with 304 on the next pull', async () => {
    const { server } = await classServer();
    await registerLearner(server.origin, 'one@lab.example');
    await publish(await writeLpack(publisher, 'course', '1.0.0'), server.origin);
    const cable = await cablePuller(server.port);
    const app = await appInstance(cable.url, 'one@lab.example');
    await app.pull();
    await app.pull();
    const feeds = cable.heads.filter((h) => h.startsWith('GET /distribution/packs '));
    expect(feeds).toHaveLength(2);
    expect(feeds[1]).toMatch(/\r\nif-none-match: "/i);
    expect(cable.statuses.at(-1)).toBe('304');
  });

  describe('a tampered pack in the feed is refused and nothing is installed', () => {
    it('bytes changed on the server after publishing: the SHA-256 of the feed does not match', async () => {
      const { server, dataDir } = await classServer();
      await registerLearner(server.origin, 'one@lab.example');
      await publish(await writeLpack(publisher, 'course', '1.0.0'), server.origin);
      const [stored] = readdirSync(join(dataDir, 'distribution', 'packs'));
      const path = join(dataDir, 'distribution', 'packs', stored!);
      const bytes = readFileSync(path);
      bytes[200] = bytes[200]! ^ 0xff;
      writeFileSync(path, bytes);
      const app = await appInstance(server.origin, 'one@lab.example');
      const status = await app.pull();
      expect(status.outcomes).toMatchObject([{ packId: 'course', status: 'refused' }]);
      expect(status.outcomes[0]!.reason).toMatch(/does not match its feed/);
      expect(await app.versionOf('course')).toBeUndefined();
      expect(packFolders(app.dataDir, 'course')).toEqual([]);
      expect(partsIn(app.dataDir)).toEqual([]);
    });

    it('bytes and the feed changed together (a hostile server): the signature check refuses it', async () => {
      const { server, dataDir } = await classServer();
      await registerLearner(server.origin, 'one@lab.example');
      await publish(await writeLpack(publisher, 'course', '1.0.0'), server.origin);
      const shelf = join(dataDir, 'distribution', 'packs');
      const [stored] = readdirSync(shelf);
      const bytes = readFileSync(join(shelf, stored!));
      bytes[200] = bytes[200]! ^ 0xff;
      const forged = createHash('sha256').update(bytes).digest('hex');
      writeFileSync(join(shelf, `${forged}.lpack`), bytes);
      const db = openDatabase(join(dataDir, 'sync.db'));
      db.prepare('UPDATE distribution_packs SET sha256 = ?').run(forged);
      db.close();
      const app = await appInstance(server.origin, 'one@lab.example');
      const status = await app.pull();
      expect(status.outcomes).toMatchObject([{ packId: 'course', status: 'refused' }]);
      expect(await app.versionOf('course')).toBeUndefined();
      expect(packFolders(app.dataDir, 'course')).toEqual([]);
      expect(partsIn(app.dataDir)).toEqual([]);
      // Remembered: the next pull does not fetch it again.
      expect((await app.pull()).outcomes).toMatchObject([{ packId: 'course', status: 'refused' }]);
    });

    it('a feed promising a file larger than a pack may be (a hostile server filling the disk): never fetched', async () => {
      const { server, dataDir } = await classServer();
      await registerLearner(server.origin, 'one@lab.example');
      await publish(await writeLpack(publisher, 'course', '1.0.0'), server.origin);
      const db = openDatabase(join(dataDir, 'sync.db'));
      db.prepare('UPDATE distribution_packs SET bytes = ?').run(5 * 1024 ** 4);
      db.close();
      const app = await appInstance(server.origin, 'one@lab.example');
      const status = await app.pull();
      expect(status.outcomes).toMatchObject([{ packId: 'course', status: 'refused' }]);
      expect(status.outcomes[0]!.reason).toMatch(/over the limit for a pack file/);
      expect(partsIn(app.dataDir)).toEqual([]);
    });

    it('a newer version signed by another trusted key than the pack is pinned to', async () => {
      const { server } = await classServer([otherPublisher]);
      await registerLearner(server.origin, 'one@lab.example');
      const app = await appInstance(server.origin, 'one@lab.example');
      await app.value('installPack', { session: app.admin, file: await writeLpack(publisher, 'course', '1.0.0') });
      await publish(await writeLpack(otherPublisher, 'course', '2.0.0'), server.origin);
      const status = await app.pull();
      expect(status.outcomes).toMatchObject([{ packId: 'course', version: '2.0.0', status: 'refused' }]);
      expect(status.outcomes[0]!.reason).toMatch(/is pinned to key/);
      expect(await app.versionOf('course')).toBe('1.0.0');
      expect(packFolders(app.dataDir, 'course')).toEqual(['1.0.0']);
    });
  });
});
