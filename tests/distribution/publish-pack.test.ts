import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../common/contract/bridge.js';
import { DISTRIBUTION_PATHS, packFeedSchema } from '../../common/contract/distribution.js';
import type { LearnEvent } from '../../common/contract/events.js';
import { buildPackArchive } from '../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import type { SyncServer } from '../../sync-server/server.js';
import { login, registerAccount, signedInAdmin } from '../../sync-server/testing/test-accounts.js';
import { PASSWORD, startTestServer } from '../../sync-server/testing/test-server.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const publisher = generateSigningKeys();
const stranger = generateSigningKeys();

const opened: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

async function lpack(version: string, keys = publisher): Promise<string> {
  const file = join(temp('lpack-'), `course-${version}.lpack`);
  writeFileSync(file, await buildPackArchive(writePackFixture({ id: 'course', version }), keys.privateKey));
  return file;
}

/** A listening class server (real HTTP, its own trust store: `publisher` only) with its first admin and a learner. */
async function classServer() {
  const dataDir = temp('publish-server-');
  mkdirSync(join(dataDir, 'pack-keys'));
  writeFileSync(join(dataDir, 'pack-keys', 'publisher.pub'), publisher.publicKey);
  const server: SyncServer = await startTestServer({ dataDir });
  opened.push(() => server.app.close());
  const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  await signedInAdmin(server, 'admin@lab.example');
  await registerAccount(server.app, 'learner@lab.example');
  const feed = async () => {
    const { accessToken } = await login(server.app, 'learner@lab.example');
    const response = await fetch(`${origin}${DISTRIBUTION_PATHS.packs}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    return packFeedSchema.parse(await response.json()).packs;
  };
  return { origin, feed };
}

/** This machine: its admin unlocked, one profile linked to the class server as `email`. */
async function machine(origin: string, email: string) {
  const core: Core = await createCore({
    dataDir: temp('publish-app-'),
    appVersion: '1.0.0',
    logger: pino({ level: 'silent' }),
  });
  opened.push(() => core.close());
  const events: LearnEvent[] = [];
  core.onEvent((event) => events.push(event));
  const call = (method: string, input?: unknown) => dispatch(core.api, method, input, () => {});
  const value = async <T>(method: string, input?: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const { session: admin } = await value<{ session: string }>('setAdminPassword', { password: 'machine admin pw' });
  const { session: learnerSession } = await value<{ session: string }>('createLearner', {
    profile: { displayName: 'Head' },
  });
  await value('linkSyncAccount', { session: learnerSession, serverUrl: origin, email, password: PASSWORD });
  const publish = async (file: string) => call('publishPack', { session: admin, learnerSession, file });
  return { publish, events };
}

describe('publishing a pack on the class server from the app', { timeout: 30_000 }, () => {
  it('publishes as the linked admin account: the feed then lists it, and progress went out', async () => {
    const { origin, feed } = await classServer();
    const app = await machine(origin, 'admin@lab.example');
    const result = await app.publish(await lpack('1.0.0'));
    expect(result).toMatchObject({ ok: true, value: { packId: 'course', version: '1.0.0', status: 'published' } });
    expect(await feed()).toMatchObject([{ packId: 'course', version: '1.0.0' }]);
    const progress = app.events.filter((e) => e.type === 'pack-publish-progress');
    expect(progress.at(-1)).toMatchObject({ bytes: expect.any(Number) as number });
    const last = progress.at(-1) as { bytes: number; total: number };
    expect(last.bytes).toBe(last.total);
  });

  it('refuses in the core, before any upload, when the linked account is not a server admin', async () => {
    const { origin, feed } = await classServer();
    const app = await machine(origin, 'learner@lab.example');
    const result = await app.publish(await lpack('1.0.0'));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/Only a class server admin account publishes packs.*as a learner/);
    expect(app.events.filter((e) => e.type === 'pack-publish-progress')).toEqual([]);
    expect(await feed()).toEqual([]);
  });

  it("passes on the server's refusal of a key its trust store lacks, in the server's words", async () => {
    const { origin, feed } = await classServer();
    const app = await machine(origin, 'admin@lab.example');
    const result = await app.publish(await lpack('1.0.0', stranger));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok)
      expect(result.error.message).toMatch(
        /did not publish it: .*not trusted here; the class server's admin must copy/,
      );
    expect(await feed()).toEqual([]);
  });
});
