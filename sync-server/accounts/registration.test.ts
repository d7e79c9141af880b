import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SyncServer } from '../server.js';
import { login, PASSWORD, request, startTestServer } from '../testing/test-server.js';
import { learnerDocuments } from '../documents/learner-documents.js';
import type { RegistrationStep } from './registration.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';

let server: SyncServer;
afterEach(() => server.app.close());

const register = (email: string) =>
  request(server.app, 'POST', '/auth/register', { body: { email, password: PASSWORD, displayName: 'Ada' } });

async function rowsOf(email: string, accountId: string) {
  const doc = `u/${accountId}/%`;
  const count = async (sql: string, params: unknown[]) => (await server.store.get<{ n: number }>(sql, params))!.n;
  return {
    accounts: await count('SELECT count(*) AS n FROM accounts WHERE email = ? OR id = ?', [email, accountId]),
    snapshots: await count('SELECT count(*) AS n FROM doc_snapshots WHERE doc LIKE ?', [doc]),
    updates: await count('SELECT count(*) AS n FROM doc_updates WHERE doc LIKE ?', [doc]),
  };
}

/** The document as the sync layer loads it: snapshot, then the updates after it, in id order. */
async function loadDoc(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const snapshot = await server.store.get<{ data: Uint8Array; upto_id: number }>(
    'SELECT data, upto_id FROM doc_snapshots WHERE doc = ?',
    [name],
  );
  if (snapshot) Y.applyUpdate(doc, snapshot.data);
  const updates = await server.store.all<{ data: Uint8Array }>(
    'SELECT data FROM doc_updates WHERE doc = ? AND id > ? ORDER BY id',
    [name, snapshot?.upto_id ?? 0],
  );
  for (const { data } of updates) Y.applyUpdate(doc, data);
  return doc;
}

describe('registration saga', () => {
  it('creates the active account, its empty documents and a welcome note in the inbox', async () => {
    server = await startTestServer({ now: () => new Date('2025-09-01T08:00:00.000Z') });
    const response = await register('ada@example.org');
    expect(response.statusCode).toBe(201);
    const { accountId } = response.json() as { accountId: string };
    const docs = learnerDocuments(accountId);

    expect(await rowsOf('ada@example.org', accountId)).toEqual({ accounts: 1, snapshots: 3, updates: 1 });
    expect((await server.services.accounts.find(accountId))?.status).toBe('active');
    expect((await loadDoc(docs.prefs)).getMap(SYNC_ROOTS.prefs.name).size).toBe(0);
    expect((await loadDoc(docs.notes)).getMap(SYNC_ROOTS.notes.name).size).toBe(0);
    expect((await loadDoc(docs.inbox)).getArray(SYNC_ROOTS.inbox.name).toJSON()).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'welcome',
        title: 'Welcome, Ada',
        body: expect.any(String),
        // Each learner's app says it in their language.
        titleI18n: { key: 'server-welcome', params: { name: 'Ada' } },
        bodyI18n: { key: 'server-welcome-body' },
        at: '2025-09-01T08:00:00.000Z',
      },
    ]);
  });

  const steps: RegistrationStep[] = ['create-account', 'create-documents', 'welcome', 'activate'];

  it.each(steps)(
    'undoes everything when the %s step fails after its write, and the email can register again',
    async (failing) => {
      let failAt: RegistrationStep | undefined = failing;
      const attempted: string[] = [];
      server = await startTestServer({
        registrationFault: (step, accountId) => {
          attempted.push(accountId);
          if (step === failAt) throw new Error(`injected failure in ${step}`);
        },
      });

      const failed = await register('bo@example.org');
      expect(failed.statusCode).toBe(500);
      expect(failed.json()).toEqual({
        error: 'internal',
        message: 'The class server failed; its log says why.',
        messageI18n: { key: 'server-failed' },
      });
      const [accountId] = attempted;
      expect(await rowsOf('bo@example.org', accountId!)).toEqual({ accounts: 0, snapshots: 0, updates: 0 });

      failAt = undefined;
      expect((await register('bo@example.org')).statusCode).toBe(201);
      expect((await login(server.app, 'bo@example.org')).account.email).toBe('bo@example.org');
    },
  );

  it('refuses to sign in an account whose registration has not finished', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reachedWelcome!: () => void;
    const atWelcome = new Promise<void>((resolve) => (reachedWelcome = resolve));
    server = await startTestServer({
      registrationFault: async (step) => {
        if (step !== 'welcome') return;
        reachedWelcome();
        await held;
      },
    });

    const registering = register('cy@example.org');
    await atWelcome;
    const early = await request(server.app, 'POST', '/auth/login', {
      body: { email: 'cy@example.org', password: PASSWORD },
    });
    expect(early.statusCode).toBe(401);
    expect(early.json()).toMatchObject({ message: expect.stringMatching(/not ready/) });
    // Meanwhile the email is taken: a second registration cannot slip in.
    expect((await register('cy@example.org')).statusCode).toBe(409);

    release();
    expect((await registering).statusCode).toBe(201);
    expect((await login(server.app, 'cy@example.org')).account.role).toBe('learner');
  });
});
