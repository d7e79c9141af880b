import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgRedisAvailable, startPostgres } from '../../tests/support/pg-redis.js';
import type { Postgres } from '../../tests/support/pg-redis.js';
import type { SyncServer } from '../server.js';
import { signedInLearner } from '../testing/documents-app.js';
import { eventually } from '../testing/sync-clients.js';
import { startTestServer } from '../testing/test-server.js';

const DAY = 86_400_000;
let clock = Date.parse('2026-12-05T12:00:00Z');
let postgres: Postgres;
const servers: SyncServer[] = [];

/** An instance of the scale path on the shared PostgreSQL, keeping one item per inbox, sweeping only when told. */
async function instance(): Promise<SyncServer> {
  const server = await startTestServer({
    dataDir: mkdtempSync(join(tmpdir(), 'instance-')),
    databaseUrl: postgres.url,
    tokenSecret: 'a shared secret of at least thirty-two characters',
    now: () => new Date(clock),
    inboxes: { limits: { keepDays: 90, maxItems: 1 } },
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  if (pgRedisAvailable) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const server of servers) await server.app.close();
  await postgres?.stop();
}, 20_000);

describe.skipIf(!pgRedisAvailable)('the inbox sweep of two server instances on one PostgreSQL', () => {
  it('runs on one instance at a time: the other skips its round while the first sweeps', async () => {
    const one = await instance();
    const two = await instance();
    const ada = await signedInLearner(one, 'ada@example.org');
    for (const title of ['older', 'newer']) {
      clock += 1000;
      await one.notifications.notifyAccounts([ada.id], { kind: 'announcement', title, body: '' });
    }
    await one.notifications.delivery.idle();
    // Past the 90 days: the older item is beyond the one an inbox keeps, and goes at the next sweep.
    clock += 100 * DAY;

    // Writes to the documents wait for this lock, so instance one's sweep stays under way, before its write.
    const holder = new pg.Client({ connectionString: postgres.url });
    await holder.connect();
    const waitingOnLocks = async () =>
      Number(
        (
          await holder.query<{ n: string }>(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
          )
        ).rows[0]!.n,
      );
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE doc_updates IN EXCLUSIVE MODE');
      const first = one.notifications.pruner.sweep();
      await eventually(async () => (await waitingOnLocks()) === 1);

      // Instance two's round answers at once; a sweep of its own would queue behind the lock as a second writer.
      const second = await Promise.race([
        two.notifications.pruner.sweep(),
        eventually(async () => (await waitingOnLocks()) === 2, 60_000).then(() => 'sweeping at the same time'),
      ]);
      expect(second).toEqual({ swept: false });

      await holder.query('COMMIT');
      const swept = await first;
      expect(swept).toMatchObject({ swept: true });
      expect(swept.swept && swept.entries).toBeGreaterThan(0);
      // Once the first is done, the next round of either instance sweeps (and finds nothing left to delete).
      expect(await two.notifications.pruner.sweep()).toEqual({ swept: true, entries: 0 });
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  });
});
