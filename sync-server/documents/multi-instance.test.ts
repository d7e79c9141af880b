import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgRedisAvailable, startPostgres, startRedis } from '../../tests/support/pg-redis.js';
import type { Postgres, Redis } from '../../tests/support/pg-redis.js';
import type { SyncServer } from '../server.js';
import { InProcessFanout, InProcessHub } from '../fanout/in-process-fanout.js';
import { documentsApp, listening, rowCount, signedInLearner } from '../testing/documents-app.js';
import { eventually, rawClient, stockClient } from '../testing/sync-clients.js';
import type { StockClient } from '../testing/sync-clients.js';
import { request, startTestServer } from '../testing/test-server.js';
import { SYNC_CLOSE, SYNC_MESSAGE, SYNC_ROOTS } from '../../common/contract/sync-wire.js';

let postgres: Postgres;
let redis: Redis;
const servers: SyncServer[] = [];
const clients: StockClient[] = [];

/** An instance of the scale path: its own data folder, the shared PostgreSQL and Redis, the shared secret. */
async function instance() {
  const server = await startTestServer({
    dataDir: mkdtempSync(join(tmpdir(), 'instance-')),
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    tokenSecret: 'a shared secret of at least thirty-two characters',
  });
  servers.push(server);
  return { server, ...(await listening(server)) };
}

beforeAll(async () => {
  if (!pgRedisAvailable) return;
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const server of servers) await server.app.close();
  await Promise.all([postgres?.stop(), redis?.stop()]);
}, 20_000);

describe.skipIf(!pgRedisAvailable)('two server instances on one PostgreSQL and one Redis', () => {
  it('converge a client on each, storing every change once', { timeout: 20_000 }, async () => {
    const one = await instance();
    const two = await instance();
    const ada = await signedInLearner(one.server, 'ada@example.org');
    const doc = `u/${ada.id}/notes`;
    const a = stockClient(one.base, doc, ada.accessToken);
    const b = stockClient(two.base, doc, ada.accessToken);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    a.doc.getMap(SYNC_ROOTS.notes.name).set('from-one', 1);
    b.doc.getText('body').insert(0, 'from two');
    a.doc.getText('body').insert(0, '> ');
    b.doc.getMap(SYNC_ROOTS.notes.name).set('from-two', 2);
    await eventually(
      () =>
        a.doc.getMap(SYNC_ROOTS.notes.name).size === 2 &&
        b.doc.getMap(SYNC_ROOTS.notes.name).size === 2 &&
        a.doc.getText('body').length === 10 &&
        a.doc.getText('body').toString() === b.doc.getText('body').toString(),
    );
    // Relayed before committed: the rows may come a little after the clients converged.
    await eventually(async () => (await rowCount(one.server, doc)) >= 4);
    expect(await rowCount(one.server, doc)).toBe(4);

    // A third client on either instance loads the same state from the shared database.
    const c = stockClient(two.base, doc, ada.accessToken);
    clients.push(c);
    await c.synced;
    await eventually(() => c.doc.getText('body').length === 10);
    expect(c.doc.getText('body').toString()).toBe(a.doc.getText('body').toString());
  });

  it('closes the sockets of a revoked sign-in on the other instance too (4401)', async () => {
    const [one, two] = [await instance(), await instance()];
    const bo = await signedInLearner(one.server, 'bo@example.org');
    const socket = await rawClient(two.base, `u/${bo.id}/prefs`, { token: bo.accessToken });
    // Served: instance two checked the sign-in; only the fan-out can tell it about the logout now.
    await socket.next(SYNC_MESSAGE.sync);
    const logout = await request(one.server.app, 'POST', '/auth/logout', { body: { refreshToken: bo.refreshToken } });
    expect(logout.statusCode).toBe(204);
    expect((await socket.closed).code).toBe(SYNC_CLOSE.auth);
  });
});

describe('two instances on one in-process hub (no broker)', () => {
  it('pass committed updates to each other, each stored once', async () => {
    const server = await startTestServer();
    servers.push(server);
    const hub = new InProcessHub();
    const one = await documentsApp(server, { fanout: new InProcessFanout(hub) });
    const two = await documentsApp(server, { fanout: new InProcessFanout(hub) });
    const ada = await signedInLearner(server, 'ada@example.org');
    const doc = `u/${ada.id}/prefs`;
    try {
      const a = stockClient(one.base, doc, ada.accessToken);
      const b = stockClient(two.base, doc, ada.accessToken);
      clients.push(a, b);
      await Promise.all([a.synced, b.synced]);
      a.doc.getMap(SYNC_ROOTS.prefs.name).set('theme', 'dark');
      b.doc.getMap(SYNC_ROOTS.prefs.name).set('lang', 'fr');
      await eventually(
        () => a.doc.getMap(SYNC_ROOTS.prefs.name).size === 2 && b.doc.getMap(SYNC_ROOTS.prefs.name).size === 2,
      );
      expect(await rowCount(server, doc)).toBe(2);
    } finally {
      await Promise.all([one.app.close(), two.app.close()]);
    }
  });
});
