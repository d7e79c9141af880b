// A device whose token refresh reached the server but whose answer was lost (Wi-Fi gone, laptop closed
// mid-request) still holds the spent refresh token. Found by convergence.sync.test.ts (about 1 run in 10):
// the server took the retry for a stolen copy and ended the sign-in. It now takes it as a retry.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core.js';
import type { SyncServer } from '../../sync-server/server.js';
import { eventually } from '../../sync-server/testing/sync-clients.js';
import { PASSWORD, registerAccount, startTestServer } from '../../sync-server/testing/test-server.js';
import { PartitionProxy } from './support/partition-proxy.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a lost answer to a token refresh', () => {
  it('keeps the sign-in: the retry with the spent token gets a new pair and syncing goes on', async () => {
    const server: SyncServer = await startTestServer();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => server.app.close());
    const proxy = await PartitionProxy.start((server.app.server.address() as AddressInfo).port);
    cleanups.push(() => proxy.close());
    await registerAccount(server.app, 'ada@example.org');
    const dataDir = mkdtempSync(join(tmpdir(), 'sync-device-'));
    const core = await createCore({
      dataDir,
      appVersion: '1.0.0',
      logger: pino({ level: 'silent' }),
      sync: { baseMs: 30, capMs: 300 },
    });
    cleanups.push(async () => {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const { session } = await core.api.createLearner({ profile: { displayName: 'Ada', avatar: 'owl', goals: [] } });
    await core.api.linkSyncAccount({ session, serverUrl: proxy.url, email: 'ada@example.org', password: PASSWORD });
    const settled = async () => {
      await eventually(
        async () => ['synced', 'error'].includes((await core.api.getSyncStatus({ session })).state),
        10_000,
      );
      return core.api.getSyncStatus({ session });
    };
    expect(await settled()).toMatchObject({ state: 'synced' });

    // "Sync now" connects again with a fresh access token: the server rotates the refresh token, the answer is lost.
    proxy.loseAnswerTo('POST /auth/refresh');
    await core.api.syncNow({ session });
    await eventually(async () => (await core.api.getSyncStatus({ session })).state !== 'synced', 5_000);
    expect(await settled()).toMatchObject({ state: 'synced' });
    // And it still syncs afterwards: the token it holds now is the live one.
    await core.api.syncNow({ session });
    expect(await settled()).toMatchObject({ state: 'synced' });
  });
});
