import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import { dispatch } from '../../../common/contract/bridge.js';
import { DISTRIBUTION_PATHS, packFeedSchema } from '../../../common/contract/distribution.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import { buildPackArchive } from '../../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import type { SigningKeys } from '../../../content-packs/format/signing.js';
import { createCore } from '../../../main/core/create-core.js';
import type { Core } from '../../../main/core/create-core.js';
import type { SyncServer } from '../../../sync-server/server.js';
import { login, registerAccount, signedInAdmin } from '../../../sync-server/testing/test-accounts.js';
import { PASSWORD, startTestServer } from '../../../sync-server/testing/test-server.js';

// A class server and app machines around its pack feed, each in its own temp folder, closed after each test.

export const SERVER_ADMIN = 'admin@lab.example';
export const SERVER_LEARNER = 'learner@lab.example';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const opened: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

export async function lpack(keys: SigningKeys, id: string, version: string): Promise<string> {
  const file = join(temp('lpack-'), `${id}-${version}.lpack`);
  writeFileSync(file, await buildPackArchive(writePackFixture({ id, version }), keys.privateKey));
  return file;
}

/** A listening class server (real HTTP) trusting `keys` for publishing, with its first admin and a learner. */
export async function classServer(keys: SigningKeys[]) {
  const dataDir = temp('feed-server-');
  mkdirSync(join(dataDir, 'pack-keys'));
  for (const [i, k] of keys.entries()) writeFileSync(join(dataDir, 'pack-keys', `key-${i}.pub`), k.publicKey);
  const server: SyncServer = await startTestServer({ dataDir });
  opened.push(() => server.app.close());
  const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
  await signedInAdmin(server, SERVER_ADMIN);
  await registerAccount(server.app, SERVER_LEARNER);
  /** The feed as the learner account sees it. */
  const feed = async () => {
    const { accessToken } = await login(server.app, SERVER_LEARNER);
    const response = await fetch(`${origin}${DISTRIBUTION_PATHS.packs}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    return packFeedSchema.parse(await response.json()).packs;
  };
  return { origin, feed };
}

/** An app machine: its admin unlocked and trusting `trusted`, one profile (open) linked to the server as `email`. */
export async function appMachine(origin: string, email: string, trusted: SigningKeys[] = []) {
  const core: Core = await createCore({
    dataDir: temp('feed-app-'),
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
  for (const [i, k] of trusted.entries()) {
    await value('addTrustedKey', { session: admin, publicKey: k.publicKey, label: `Publisher ${i}` });
  }
  const { session } = await value<{ session: string }>('createLearner', { profile: { displayName: 'Ada' } });
  await value('linkSyncAccount', { session, serverUrl: origin, email, password: PASSWORD });
  return { call, value, events, admin, session };
}
