import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { login, registerAccount, request, signedInAdmin, startTestServer } from '../testing/test-server.js';
import type { SessionTokens } from './sessions.js';

let server: SyncServer;
afterEach(() => server.app.close());

const setRole = (token: string, id: string, role: unknown) =>
  request(server.app, 'PUT', `/admin/accounts/${id}/role`, { token, body: { role } });

describe('admin role changes', () => {
  it('an admin makes a learner a teacher; the old token stops at once and the new role comes with a refresh', async () => {
    server = await startTestServer();
    const admin = await signedInAdmin(server);
    const id = await registerAccount(server.app, 'ada@example.org');
    const before = await login(server.app, 'ada@example.org');

    const changed = await setRole(admin.accessToken, id, 'teacher');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ id, email: 'ada@example.org', displayName: 'ada', role: 'teacher' });

    await expect(server.tokens.verify(before.accessToken)).rejects.toThrow(/role changed/);
    const refreshed = (
      await request(server.app, 'POST', '/auth/refresh', { body: { refreshToken: before.refreshToken } })
    ).json() as SessionTokens;
    expect(refreshed.account.role).toBe('teacher');
    expect((await server.tokens.verify(refreshed.accessToken)).role).toBe('teacher');
    const created = await request(server.app, 'POST', '/classes', {
      token: refreshed.accessToken,
      body: { name: 'C' },
    });
    expect(created.statusCode).toBe(201);
  });

  it('refuses non-admins, unknown accounts, unknown roles, and demoting the last admin', async () => {
    server = await startTestServer();
    const admin = await signedInAdmin(server);
    const id = await registerAccount(server.app, 'ada@example.org');
    const ada = await login(server.app, 'ada@example.org');

    const byLearner = await setRole(ada.accessToken, id, 'admin');
    expect(byLearner.statusCode).toBe(403);
    expect(byLearner.json()).toMatchObject({ error: 'forbidden' });
    expect((await server.services.accounts.find(id))?.role).toBe('learner');

    expect((await setRole(admin.accessToken, '00000000-0000-4000-8000-000000000000', 'teacher')).statusCode).toBe(404);
    const badRole = await setRole(admin.accessToken, id, 'owner');
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json()).toMatchObject({ error: 'invalid-input', message: expect.stringMatching(/^role: /) });

    const lastAdmin = await setRole(admin.accessToken, admin.account.id, 'learner');
    expect(lastAdmin.statusCode).toBe(409);
    expect((await setRole(admin.accessToken, id, 'admin')).statusCode).toBe(200);
    expect((await setRole(admin.accessToken, admin.account.id, 'learner')).statusCode).toBe(200);
  });
});
