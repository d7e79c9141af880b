import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens } from '../accounts/sessions.js';
import type { SyncServer } from '../server.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../testing/test-accounts.js';
import { request, startTestServer } from '../testing/test-server.js';

/**
 * Every class route against every role: a learner in the class, a learner outside it, the class's teacher,
 * another teacher, an admin, and nobody signed in. Each case starts from a fresh class, so a removal or a
 * deletion by one role cannot decide another's answer.
 */
type Who = 'member' | 'stranger' | 'teacher' | 'otherTeacher' | 'admin' | 'anonymous';
const everyone: Who[] = ['member', 'stranger', 'teacher', 'otherTeacher', 'admin', 'anonymous'];

const lesson = {
  kind: 'lesson',
  packId: 'python-foundations',
  itemId: 'python-foundations/variables',
  title: 'Variables',
  dueAt: Date.UTC(2026, 11, 10),
};

let server: SyncServer;
let sessions: Record<Exclude<Who, 'anonymous'>, SessionTokens>;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signedInAdmin(server);
  const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
  const otherTeacher = await signedInTeacher(server, admin, 'other@example.org');
  await registerAccount(server.app, 'ada@example.org');
  await registerAccount(server.app, 'bo@example.org');
  sessions = {
    admin,
    teacher,
    otherTeacher,
    member: await login(server.app, 'ada@example.org'),
    stranger: await login(server.app, 'bo@example.org'),
  };
}, 60_000);
afterAll(() => server.app.close());

const tokenOf = (who: Who) => (who === 'anonymous' ? undefined : sessions[who].accessToken);

/** A new class of `teacher`, joined by `member`, with one assignment. */
async function freshClass(): Promise<{ id: string; joinCode: string; assignmentId: string }> {
  const created = await request(server.app, 'POST', '/classes', {
    token: sessions.teacher.accessToken,
    body: { name: 'Python 1' },
  });
  const { id, joinCode } = created.json() as { id: string; joinCode: string };
  await request(server.app, 'POST', '/classes/join', { token: sessions.member.accessToken, body: { joinCode } });
  const assigned = await request(server.app, 'POST', `/classes/${id}/assignments`, {
    token: sessions.teacher.accessToken,
    body: lesson,
  });
  return { id, joinCode, assignmentId: (assigned.json() as { id: string }).id };
}

interface Route {
  name: string;
  call: (
    who: Who,
    fresh: { id: string; assignmentId: string },
  ) => ReturnType<typeof request> | Promise<Awaited<ReturnType<typeof request>>>;
  expected: Record<Who, number>;
}

const routes: Route[] = [
  {
    name: 'GET /classes/:id/assignments',
    call: (who, { id }) => request(server.app, 'GET', `/classes/${id}/assignments`, { token: tokenOf(who) }),
    expected: { member: 200, stranger: 403, teacher: 200, otherTeacher: 403, admin: 200, anonymous: 401 },
  },
  {
    name: 'POST /classes/:id/assignments',
    call: (who, { id }) =>
      request(server.app, 'POST', `/classes/${id}/assignments`, { token: tokenOf(who), body: lesson }),
    expected: { member: 403, stranger: 403, teacher: 201, otherTeacher: 403, admin: 201, anonymous: 401 },
  },
  {
    name: 'PUT /classes/:id/assignments/:assignmentId',
    call: (who, { id, assignmentId }) =>
      request(server.app, 'PUT', `/classes/${id}/assignments/${assignmentId}`, {
        token: tokenOf(who),
        body: { ...lesson, title: 'Variables, again' },
      }),
    expected: { member: 403, stranger: 403, teacher: 200, otherTeacher: 403, admin: 200, anonymous: 401 },
  },
  {
    name: 'DELETE /classes/:id/assignments/:assignmentId',
    call: (who, { id, assignmentId }) =>
      request(server.app, 'DELETE', `/classes/${id}/assignments/${assignmentId}`, { token: tokenOf(who) }),
    expected: { member: 403, stranger: 403, teacher: 204, otherTeacher: 403, admin: 204, anonymous: 401 },
  },
  {
    name: 'GET /classes/:id/members',
    call: (who, { id }) => request(server.app, 'GET', `/classes/${id}/members`, { token: tokenOf(who) }),
    expected: { member: 403, stranger: 403, teacher: 200, otherTeacher: 403, admin: 200, anonymous: 401 },
  },
  {
    // The member removing themself is leaving; anyone else needs to teach the class.
    name: 'DELETE /classes/:id/members/:member',
    call: (who, { id }) =>
      request(server.app, 'DELETE', `/classes/${id}/members/${sessions.member.account.id}`, { token: tokenOf(who) }),
    expected: { member: 204, stranger: 403, teacher: 204, otherTeacher: 403, admin: 204, anonymous: 401 },
  },
  {
    name: 'POST /classes/:id/join-code',
    call: (who, { id }) => request(server.app, 'POST', `/classes/${id}/join-code`, { token: tokenOf(who) }),
    expected: { member: 403, stranger: 403, teacher: 200, otherTeacher: 403, admin: 200, anonymous: 401 },
  },
  {
    name: 'DELETE /classes/:id',
    call: (who, { id }) => request(server.app, 'DELETE', `/classes/${id}`, { token: tokenOf(who) }),
    expected: { member: 403, stranger: 403, teacher: 204, otherTeacher: 403, admin: 204, anonymous: 401 },
  },
  {
    name: 'GET /classes/taught',
    call: (who) => request(server.app, 'GET', '/classes/taught', { token: tokenOf(who) }),
    expected: { member: 403, stranger: 403, teacher: 200, otherTeacher: 200, admin: 200, anonymous: 401 },
  },
  {
    name: 'GET /classes/mine',
    call: (who) => request(server.app, 'GET', '/classes/mine', { token: tokenOf(who) }),
    expected: { member: 200, stranger: 200, teacher: 200, otherTeacher: 200, admin: 200, anonymous: 401 },
  },
  {
    name: 'POST /admin/accounts/bulk',
    call: (who) =>
      request(server.app, 'POST', '/admin/accounts/bulk', {
        token: tokenOf(who),
        body: { accounts: [{ email: `${who}-made@example.org`, displayName: 'Made', password: 'long enough pw' }] },
      }),
    expected: { member: 403, stranger: 403, teacher: 403, otherTeacher: 403, admin: 200, anonymous: 401 },
  },
];

describe('the class routes by role', { timeout: 60_000 }, () => {
  for (const route of routes) {
    it(`${route.name}: ${everyone.map((who) => `${who} ${route.expected[who]}`).join(', ')}`, async () => {
      const answers: Partial<Record<Who, number>> = {};
      for (const who of everyone) answers[who] = (await route.call(who, await freshClass())).statusCode;
      expect(answers).toEqual(route.expected);
    });
  }

  it('a refused write changes nothing: the assignment, the code and the members stay', async () => {
    const fresh = await freshClass();
    for (const who of ['member', 'stranger', 'otherTeacher'] as const) {
      const token = tokenOf(who);
      await request(server.app, 'PUT', `/classes/${fresh.id}/assignments/${fresh.assignmentId}`, {
        token,
        body: { ...lesson, title: 'Hijacked' },
      });
      await request(server.app, 'DELETE', `/classes/${fresh.id}/assignments/${fresh.assignmentId}`, { token });
      await request(server.app, 'POST', `/classes/${fresh.id}/join-code`, { token });
      await request(server.app, 'DELETE', `/classes/${fresh.id}`, { token });
    }
    await request(server.app, 'DELETE', `/classes/${fresh.id}/members/${sessions.member.account.id}`, {
      token: tokenOf('stranger'),
    });
    const [assignment] = await server.services.assignments.listForClass(fresh.id);
    expect(assignment).toMatchObject({ id: fresh.assignmentId, title: 'Variables' });
    expect(await server.services.classes.byJoinCode(fresh.joinCode)).toMatchObject({ id: fresh.id });
    expect(await server.memberships.teacherOf(sessions.teacher.account.id, sessions.member.account.id)).toBe(true);
  });
});
