import { describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../testing/test-accounts.js';
import { request, serverPerTest } from '../testing/test-server.js';

let server: SyncServer;
const startServer = serverPerTest();

describe('classes', () => {
  it('a teacher creates a class, learners join with its code, the teacher lists them', async () => {
    server = await startServer();
    const admin = await signedInAdmin(server);
    const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
    const created = await request(server.app, 'POST', '/classes', {
      token: teacher.accessToken,
      body: { name: 'Python 1' },
    });
    expect(created.statusCode).toBe(201);
    const { id, joinCode } = created.json() as { id: string; joinCode: string };
    expect(joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);

    const adaId = await registerAccount(server.app, 'ada@example.org');
    const boId = await registerAccount(server.app, 'bo@example.org');
    const ada = await login(server.app, 'ada@example.org');
    const bo = await login(server.app, 'bo@example.org');
    // Typed from a board: lower case, with a dash in the middle; joining twice is harmless.
    const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4)}`;
    for (const [session, code] of [
      [ada, joinCode],
      [ada, joinCode],
      [bo, typed],
    ] as const) {
      const joined = await request(server.app, 'POST', '/classes/join', {
        token: session.accessToken,
        body: { joinCode: code },
      });
      expect(joined.statusCode).toBe(200);
      expect(joined.json()).toEqual({ classId: id, name: 'Python 1' });
    }

    const members = await request(server.app, 'GET', `/classes/${id}/members`, { token: teacher.accessToken });
    expect(members.statusCode).toBe(200);
    // Joining twice listed ada once; the order (joined time, then id) is not what this checks.
    expect(members.json()).toEqual({ id, name: 'Python 1', members: expect.any(Array) });
    expect(members.json().members).toHaveLength(2);
    expect(members.json().members).toEqual(
      expect.arrayContaining([
        { id: adaId, displayName: 'ada', joinedAt: expect.any(String) },
        { id: boId, displayName: 'bo', joinedAt: expect.any(String) },
      ]),
    );
    expect((await request(server.app, 'GET', `/classes/${id}/members`, { token: admin.accessToken })).statusCode).toBe(
      200,
    );

    expect(await server.memberships.teacherOf(teacher.account.id, adaId)).toBe(true);
    expect(await server.memberships.teacherOf(teacher.account.id, admin.account.id)).toBe(false);
    expect(await server.memberships.teacherOf(adaId, boId)).toBe(false);
  });

  it('refuses learners creating classes, strangers listing members, and unknown codes', async () => {
    server = await startServer();
    const admin = await signedInAdmin(server);
    const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
    const otherTeacher = await signedInTeacher(server, admin, 'other@example.org');
    await registerAccount(server.app, 'ada@example.org');
    const ada = await login(server.app, 'ada@example.org');

    const byLearner = await request(server.app, 'POST', '/classes', { token: ada.accessToken, body: { name: 'Mine' } });
    expect(byLearner.statusCode).toBe(403);
    expect(byLearner.json()).toMatchObject({ error: 'forbidden' });
    expect((await request(server.app, 'POST', '/classes', { body: { name: 'Anon' } })).statusCode).toBe(401);

    const { id } = (
      await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Python 1' } })
    ).json() as { id: string };
    for (const session of [ada, otherTeacher]) {
      expect(
        (await request(server.app, 'GET', `/classes/${id}/members`, { token: session.accessToken })).statusCode,
      ).toBe(403);
    }
    expect((await request(server.app, 'GET', '/classes/nope/members', { token: admin.accessToken })).statusCode).toBe(
      404,
    );

    const unknown = await request(server.app, 'POST', '/classes/join', {
      token: ada.accessToken,
      body: { joinCode: 'ZZZZZZZZ' },
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await request(server.app, 'POST', '/classes/join', {
      token: ada.accessToken,
      body: { joinCode: 'abc' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ message: expect.stringMatching(/^joinCode: /) });
    expect(await server.memberships.teacherOf(teacher.account.id, ada.account.id)).toBe(false);
  });
});
