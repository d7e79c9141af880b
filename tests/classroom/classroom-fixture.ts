import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import type { RecordInput } from '../../common/contract/progress.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';
import type { SyncServer } from '../../sync-server/server.js';
import { signedInAdmin, signedInTeacher } from '../../sync-server/testing/test-accounts.js';
import { startTestServer } from '../../sync-server/testing/test-server.js';

/** A real class server and real app cores, each closed after its test. */
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 30_000);

export const DAY = 86_400_000;
export const NOW = new Date('2026-12-01T09:00:00Z');

/**
 * The class server on loopback with an admin and a teacher signed in; at NOW unless told otherwise (a test that
 * syncs over sockets runs on the real clock, which the access tokens' expiry is checked against).
 */
export async function classServer(now: () => Date = () => NOW) {
  const server: SyncServer = await startTestServer({ now });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  let open = true;
  const stop = async () => {
    if (open) await server.app.close();
    open = false;
  };
  cleanups.push(stop);
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const admin = await signedInAdmin(server);
  const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
  return { server, url, admin, teacher, stop };
}

/** An app with the fixture pack (lessons demo/hello, exercise demo/count-down, quiz of demo/loops). */
export async function device(now: () => Date = () => NOW) {
  const core: Core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'classroom-')),
    appVersion: '1.0.0',
    bundledPacksDir: dirname(writePackFixture()),
    logger: pino({ level: 'silent' }),
    now,
  });
  cleanups.push(() => core.close());
  const { session } = await core.api.createLearner({ profile: { displayName: 'Ada', avatar: 'owl', goals: [] } });
  return { core, api: core.api, session, record: (events: RecordInput[]) => core.recordProgress(session, events) };
}
