import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgRedisAvailable, startPostgres } from '../../tests/support/pg-redis.js';
import type { Postgres } from '../../tests/support/pg-redis.js';
import type { SyncServer } from '../server.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../testing/test-accounts.js';
import { request, startTestServer } from '../testing/test-server.js';

// PostgreSQL answers BIGINT and count(*) as strings: the routes must still answer the contract's numbers.
describe.skipIf(!pgRedisAvailable)('classes and assignments on PostgreSQL', { timeout: 60_000 }, () => {
  let postgres: Postgres;
  let server: SyncServer;

  beforeAll(async () => {
    postgres = await startPostgres();
    server = await startTestServer({
      databaseUrl: postgres.url,
      tokenSecret: 'a shared secret of every instance, 32+ chars',
    });
  }, 60_000);

  afterAll(async () => {
    await server?.app.close();
    await postgres?.stop();
  });

  it('stores and lists assignments, classes and members with numbers as numbers', async () => {
    const admin = await signedInAdmin(server);
    const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
    await registerAccount(server.app, 'ada@example.org');
    const ada = await login(server.app, 'ada@example.org');
    const { id, joinCode } = (
      await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Py' } })
    ).json();
    await request(server.app, 'POST', '/classes/join', { token: ada.accessToken, body: { joinCode } });
    const dueAt = Date.UTC(2026, 11, 10);
    const made = await request(server.app, 'POST', `/classes/${id}/assignments`, {
      token: teacher.accessToken,
      body: { kind: 'exercise', packId: 'py', itemId: 'py/loops', title: 'Loops', dueAt },
    });
    expect(made.statusCode).toBe(201);
    const mine = (await request(server.app, 'GET', '/classes/mine', { token: ada.accessToken })).json();
    expect(mine.assignments).toEqual([made.json()]);
    expect(mine.assignments[0].dueAt).toBe(dueAt);
    expect(typeof mine.classes[0].joinedAt).toBe('number');
    const taught = (await request(server.app, 'GET', '/classes/taught', { token: teacher.accessToken })).json();
    expect(taught.classes[0]).toMatchObject({ memberCount: 1, createdAt: expect.any(Number) });
    const bulk = await request(server.app, 'POST', '/admin/accounts/bulk', {
      token: admin.accessToken,
      body: {
        accounts: [{ email: 'bo@example.org', displayName: 'Bo', password: 'long enough' }],
        classJoinCode: joinCode,
      },
    });
    expect(bulk.json().results[0]).toMatchObject({ outcome: 'created' });
  });
});
