import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgRedisAvailable, startPostgres } from '../../tests/support/pg-redis.js';
import type { Postgres } from '../../tests/support/pg-redis.js';
import type { SyncServer } from '../server.js';
import type { SqlRunner } from '../storage/sql-store.js';
import { storeWith } from '../testing/documents-app.js';
import { eventually } from '../testing/sync-clients.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../testing/test-accounts.js';
import { PASSWORD, request, startTestServer } from '../testing/test-server.js';
import { AccessTokenIssuer } from './access-tokens.js';
import { RefreshTokens } from './refresh-tokens.js';
import type { RegistrationStep } from './registration.js';
import { Sessions } from './sessions.js';
import type { SessionTokens } from './sessions.js';

const SECRET = 'a shared secret of every instance, 32+ chars';

// The same flows as the SQLite suites, once against a real PostgreSQL server (what several instances share).
describe.skipIf(!pgRedisAvailable)('accounts on PostgreSQL (skipped when PostgreSQL is not installed)', () => {
  let postgres: Postgres;
  let a: SyncServer;
  let b: SyncServer;
  let failAt: RegistrationStep | undefined;
  let stopped = false;

  beforeAll(async () => {
    postgres = await startPostgres();
    const options = { databaseUrl: postgres.url, tokenSecret: SECRET };
    a = await startTestServer({
      ...options,
      registrationFault: (step) => {
        if (step === failAt) throw new Error(`injected failure in ${step}`);
      },
    });
    // A second instance on the same database: migrations already applied, tokens of one valid on the other.
    b = await startTestServer(options);
  }, 60_000);

  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    if (!stopped) await postgres?.stop();
  });

  it('registers, signs in on one instance and refreshes, logs out and changes passwords across both', async () => {
    const accountId = await registerAccount(a.app, 'ada@example.org');
    const session = await login(a.app, 'ada@example.org');
    expect((await request(b.app, 'GET', '/me', { token: session.accessToken })).json()).toMatchObject({
      id: accountId,
    });

    const once = (
      await request(b.app, 'POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })
    ).json() as SessionTokens;
    const rotated = (
      await request(a.app, 'POST', '/auth/refresh', { body: { refreshToken: once.refreshToken } })
    ).json() as SessionTokens;
    const replay = await request(a.app, 'POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(replay.statusCode).toBe(401);
    expect((await request(b.app, 'GET', '/me', { token: rotated.accessToken })).statusCode).toBe(401);

    const laptop = await login(b.app, 'ada@example.org');
    const phone = await login(a.app, 'ada@example.org');
    expect(
      (await request(a.app, 'POST', '/auth/logout', { body: { refreshToken: phone.refreshToken } })).statusCode,
    ).toBe(204);
    expect((await request(b.app, 'GET', '/me', { token: phone.accessToken })).statusCode).toBe(401);
    expect((await request(b.app, 'GET', '/me', { token: laptop.accessToken })).statusCode).toBe(200);

    const changed = await request(b.app, 'POST', '/auth/password', {
      token: laptop.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await request(a.app, 'GET', '/me', { token: laptop.accessToken })).statusCode).toBe(401);
    expect((await login(a.app, 'ada@example.org', 'another long passphrase')).account.id).toBe(accountId);

    const duplicate = await request(b.app, 'POST', '/auth/register', {
      body: { email: 'ADA@example.org', password: PASSWORD, displayName: 'Again' },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('undoes a failed registration and lets the email register again', async () => {
    for (const step of ['welcome', 'activate'] as const) {
      failAt = step;
      const failed = await request(a.app, 'POST', '/auth/register', {
        body: { email: 'bo@example.org', password: PASSWORD, displayName: 'Bo' },
      });
      expect(failed.statusCode).toBe(500);
      expect(await a.store.get('SELECT count(*) AS n FROM accounts WHERE email = ?', ['bo@example.org'])).toEqual({
        n: 0,
      });
    }
    failAt = undefined;
    const accountId = await registerAccount(a.app, 'bo@example.org');
    const docs = await a.store.all<{ doc: string }>(
      'SELECT doc FROM doc_snapshots UNION ALL SELECT doc FROM doc_updates ORDER BY doc',
    );
    // Only the documents of accounts that exist: ada's and bo's three each, plus each welcome update.
    const owners = new Set(docs.map(({ doc }) => doc.split('/')[1]));
    expect(owners.has(accountId)).toBe(true);
    const accounts = await a.store.all<{ id: string }>('SELECT id FROM accounts');
    expect([...owners].sort()).toEqual(accounts.map(({ id }) => id).sort());
    expect(docs).toHaveLength(accounts.length * 4);
  });

  it('runs classes, memberships and role changes', async () => {
    const admin = await signedInAdmin(a, 'admin@example.org');
    const teacher = await signedInTeacher(b, admin, 'teacher@example.org');
    const { id, joinCode } = (
      await request(a.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Python 1' } })
    ).json() as { id: string; joinCode: string };
    const learnerId = await registerAccount(b.app, 'cy@example.org');
    const learner = await login(b.app, 'cy@example.org');
    expect(
      (await request(b.app, 'POST', '/classes/join', { token: learner.accessToken, body: { joinCode } })).statusCode,
    ).toBe(200);
    const members = await request(a.app, 'GET', `/classes/${id}/members`, { token: teacher.accessToken });
    expect(members.json()).toMatchObject({ members: [{ id: learnerId, displayName: 'cy' }] });
    expect(await a.memberships.teacherOf(teacher.account.id, learnerId)).toBe(true);
    expect(await b.memberships.teacherOf(learnerId, teacher.account.id)).toBe(false);
    const lastAdmin = await request(a.app, 'PUT', `/admin/accounts/${admin.account.id}/role`, {
      token: admin.accessToken,
      body: { role: 'teacher' },
    });
    expect(lastAdmin.statusCode).toBe(409);
  });

  it('gives at most one of concurrent retries of a spent refresh token on two instances a pair, and ends the sign-in', async () => {
    await registerAccount(a.app, 'di@example.org');
    const held = await login(a.app, 'di@example.org');
    const refresh = (server: SyncServer, refreshToken: string) =>
      request(server.app, 'POST', '/auth/refresh', { body: { refreshToken } });
    // The answer to this refresh is lost; then the spent token comes back several times at once, on both instances.
    const lost = (await refresh(b, held.refreshToken)).json() as SessionTokens;
    const answers = await Promise.all([a, b, a, b, a, b].map((server) => refresh(server, held.refreshToken)));
    const granted = answers
      .filter((answer) => answer.statusCode === 200)
      .map((answer) => answer.json() as SessionTokens);
    expect(granted.length).toBeLessThanOrEqual(1);
    expect(answers.filter((answer) => answer.statusCode === 401)).toHaveLength(answers.length - granted.length);
    for (const session of [lost, ...granted]) {
      expect((await request(a.app, 'GET', '/me', { token: session.accessToken })).statusCode).toBe(401);
      expect((await refresh(b, session.refreshToken)).statusCode).toBe(401);
    }
  });

  it('ends a sign-in whose family is being written while a password change arrives on another instance', async () => {
    await registerAccount(a.app, 'ed@example.org');
    const owner = await login(a.app, 'ed@example.org');
    // A sign-in (old password, checked) whose transaction stops after its first statement until released.
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (reached = resolve));
    let paused = false;
    const pausing = (tx: SqlRunner): SqlRunner => {
      const once = async <T>(result: Promise<T>) => {
        const value = await result;
        if (!paused) {
          paused = true;
          reached();
          await gate;
        }
        return value;
      };
      return {
        dialect: tx.dialect,
        all: (sql, params) => once(tx.all(sql, params)),
        get: (sql, params) => once(tx.get(sql, params)),
        run: (sql, params) => once(tx.run(sql, params)),
      };
    };
    const held = storeWith(a.store, { transaction: (work) => a.store.transaction((tx) => work(pausing(tx))) });
    const issuer = new AccessTokenIssuer(new TextEncoder().encode(SECRET), 900, () => new Date());
    const sessions = new Sessions(held, issuer, new RefreshTokens(held, a.revocations, () => new Date()));

    const racing = sessions.login({ email: 'ed@example.org', password: PASSWORD });
    await inside;
    const change = request(b.app, 'POST', '/auth/password', {
      token: owner.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'changed while signing in' },
    });
    let answered = false;
    void change.then(() => (answered = true));
    // Released once the change waits for the sign-in's lock on the account (or, without one, has answered).
    await eventually(async () => {
      const waiting = await a.store.get<{ n: number }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
      );
      return answered || Number(waiting?.n) > 0;
    }, 10_000);
    release();

    const signedIn = await racing;
    expect((await change).statusCode).toBe(204);
    // The change came second: it ended the sign-in that committed before it.
    expect((await request(b.app, 'GET', '/me', { token: signedIn.accessToken })).statusCode).toBe(401);
    expect(
      await a.store.get(
        `SELECT count(*) AS n FROM refresh_families f JOIN accounts a ON a.id = f.account_id
         WHERE a.email = ? AND f.revoked_at IS NULL`,
        ['ed@example.org'],
      ),
    ).toEqual({ n: 0 });
  });

  it('answers /readyz with 503 once PostgreSQL is gone', async () => {
    expect((await request(a.app, 'GET', '/readyz')).statusCode).toBe(200);
    await postgres.stop();
    stopped = true;
    const ready = await request(a.app, 'GET', '/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable' });
  });
});
