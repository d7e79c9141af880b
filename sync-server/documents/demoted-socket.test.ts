import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import type { SqlStore } from '../storage/sql-store.js';
import { documentsApp, signedInLearner, storeWith } from '../testing/documents-app.js';
import { rawClient } from '../testing/sync-clients.js';
import { request, signedInAdmin, signedInTeacher, startTestServer } from '../testing/test-server.js';
import { SYNC_CLOSE, SYNC_MESSAGE } from '../../common/contract/sync-wire.js';

let server: SyncServer;
const apps: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await server.app.close();
});

/** The store, except that loading `doc` waits, once its rows are read, until `release` is called. */
function holdingLoadOf(store: SqlStore, doc: string) {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const loading = new Promise<void>((resolve) => (reached = resolve));
  const held = storeWith(store, {
    all: async <T>(sql: string, params?: readonly unknown[]) => {
      const rows = await store.all<T>(sql, params);
      if (sql.includes('FROM doc_updates') && params?.[0] === doc) {
        reached();
        await gate;
      }
      return rows;
    },
  });
  return { held, loading, release };
}

/** A teacher whose class Ada is in, and the name of Ada's progress document. */
async function teacherOfAda() {
  server = await startTestServer();
  const admin = await signedInAdmin(server);
  const teacher = await signedInTeacher(server, admin, 'teach@example.org');
  const ada = await signedInLearner(server, 'ada@example.org');
  const { joinCode } = (
    await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Python 1' } })
  ).json() as { joinCode: string };
  await request(server.app, 'POST', '/classes/join', { token: ada.accessToken, body: { joinCode } });
  const demote = async () => {
    const demoted = await request(server.app, 'PUT', `/admin/accounts/${teacher.account.id}/role`, {
      token: admin.accessToken,
      body: { role: 'learner' },
    });
    expect(demoted.statusCode).toBe(200);
  };
  return { teacher, doc: `u/${ada.id}/progress/2025-1`, demote };
}

describe('a teacher demoted by an admin', () => {
  it('loses an open socket on a class member’s progress at once', async () => {
    const { teacher, doc, demote } = await teacherOfAda();
    const documents = await documentsApp(server);
    apps.push(documents.app);
    const client = await rawClient(documents.base, doc, { token: teacher.accessToken });
    await client.next(SYNC_MESSAGE.sync);

    await demote();
    expect(await client.closed).toEqual({ code: SYNC_CLOSE.auth, reason: 'token revoked' });
    // And the same token opens nothing more.
    await expect(rawClient(documents.base, doc, { token: teacher.accessToken })).rejects.toMatchObject({ status: 401 });
  });

  it('while their socket opens is not served the progress: the socket is closed as its token no longer holds', async () => {
    const { teacher, doc, demote } = await teacherOfAda();
    const { held, loading, release } = holdingLoadOf(server.store, doc);
    const documents = await documentsApp(server, { store: held });
    apps.push(documents.app);

    // The token passed the check at the upgrade; the document is loading when the admin removes the role.
    const client = await rawClient(documents.base, doc, { token: teacher.accessToken });
    await loading;
    await demote();
    release();

    const outcome = await Promise.race([
      client.closed,
      client.next(SYNC_MESSAGE.sync, 60_000).then(() => 'served the document'),
    ]);
    expect(outcome).toEqual({ code: SYNC_CLOSE.auth, reason: 'token revoked' });
  });
});
