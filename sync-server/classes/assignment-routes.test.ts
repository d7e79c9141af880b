import { describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { MAX_ASSIGNMENTS_PER_CLASS } from './assignments.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../testing/test-accounts.js';
import { request, serverPerTest } from '../testing/test-server.js';

let server: SyncServer;
const startServer = serverPerTest();

const day = 86_400_000;
const lesson = (over: Record<string, unknown> = {}) => ({
  kind: 'lesson',
  packId: 'python-foundations',
  itemId: 'python-foundations/variables',
  title: 'Variables',
  dueAt: Date.UTC(2026, 11, 10),
  ...over,
});

async function classWithLearner() {
  server = await startServer();
  const admin = await signedInAdmin(server);
  const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
  await registerAccount(server.app, 'ada@example.org');
  const ada = await login(server.app, 'ada@example.org');
  const created = await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Py' } });
  const { id, joinCode } = created.json() as { id: string; joinCode: string };
  await request(server.app, 'POST', '/classes/join', { token: ada.accessToken, body: { joinCode } });
  return { admin, teacher, ada, id, joinCode };
}

describe('assignments', { timeout: 60_000 }, () => {
  it('a member lists their classes with every assignment, soonest due first, undated last', async () => {
    const { teacher, ada, id } = await classWithLearner();
    const base = Date.UTC(2026, 11, 1);
    for (const [title, dueAt] of [
      ['Later', base + 5 * day],
      ['Undated', null],
      ['Sooner', base + day],
    ] as const) {
      const made = await request(server.app, 'POST', `/classes/${id}/assignments`, {
        token: teacher.accessToken,
        body: lesson({ title, dueAt }),
      });
      expect(made.statusCode).toBe(201);
      expect(made.json()).toMatchObject({ classId: id, title, dueAt, createdBy: teacher.account.id });
    }
    const mine = await request(server.app, 'GET', '/classes/mine', { token: ada.accessToken });
    expect(mine.json().classes).toEqual([{ id, name: 'Py', teacherName: 'teacher', joinedAt: expect.any(Number) }]);
    expect(mine.json().assignments.map((a: { title: string }) => a.title)).toEqual(['Sooner', 'Later', 'Undated']);
    expect((await server.services.assignments.listForClass(id)).map((a) => a.title)).toEqual([
      'Sooner',
      'Later',
      'Undated',
    ]);
  });

  it('refuses what the contract refuses, naming the field, and stores nothing', async () => {
    const { teacher, id } = await classWithLearner();
    const hostile: [Record<string, unknown>, RegExp][] = [
      [lesson({ kind: 'essay' }), /^kind: /],
      [lesson({ itemId: 'other-pack/variables' }), /^itemId: .*is not in the pack/],
      [lesson({ itemId: '../../etc/passwd' }), /^itemId: /],
      [lesson({ packId: 'Python Foundations' }), /^packId: /],
      [lesson({ title: '' }), /^title: /],
      [lesson({ title: 'x'.repeat(201) }), /^title: /],
      [lesson({ dueAt: -1 }), /^dueAt: /],
      [lesson({ dueAt: 1.5 }), /^dueAt: /],
      [lesson({ dueAt: '2026-12-10' }), /^dueAt: /],
      [{ kind: 'lesson' }, /^packId: /],
    ];
    for (const [body, message] of hostile) {
      const answer = await request(server.app, 'POST', `/classes/${id}/assignments`, {
        token: teacher.accessToken,
        body,
      });
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(answer.json().message).toMatch(message);
    }
    expect(await server.services.assignments.listForClass(id)).toEqual([]);
  });

  it('an edit keeps the id, author and creation time; a missing assignment is not found', async () => {
    const { teacher, admin, id } = await classWithLearner();
    const made = (
      await request(server.app, 'POST', `/classes/${id}/assignments`, { token: teacher.accessToken, body: lesson() })
    ).json();
    const edited = await request(server.app, 'PUT', `/classes/${id}/assignments/${made.id}`, {
      token: admin.accessToken,
      body: lesson({ kind: 'quiz', itemId: 'python-foundations/basics', title: 'Basics quiz', dueAt: null }),
    });
    expect(edited.json()).toEqual({
      ...made,
      kind: 'quiz',
      itemId: 'python-foundations/basics',
      title: 'Basics quiz',
      dueAt: null,
    });
    expect(await server.services.assignments.listForClass(id)).toEqual([edited.json()]);
    const other = (
      await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Other' } })
    ).json();
    // The assignment's id under another class of the same teacher is not that class's.
    for (const [method, url] of [
      ['PUT', `/classes/${other.id}/assignments/${made.id}`],
      ['DELETE', `/classes/${other.id}/assignments/${made.id}`],
      ['DELETE', `/classes/${id}/assignments/00000000-0000-4000-8000-000000000000`],
    ] as const) {
      const answer = await request(server.app, method, url, { token: teacher.accessToken, body: lesson() });
      expect(answer.statusCode).toBe(404);
    }
    expect(await server.services.assignments.listForClass(id)).toHaveLength(1);
  });
});

describe('assignments per class', { timeout: 60_000 }, () => {
  it(`a class holds at most ${MAX_ASSIGNMENTS_PER_CLASS} assignments; one more is refused until one goes`, async () => {
    const { teacher, id } = await classWithLearner();
    const assign = () =>
      request(server.app, 'POST', `/classes/${id}/assignments`, { token: teacher.accessToken, body: lesson() });
    for (let i = 0; i < MAX_ASSIGNMENTS_PER_CLASS; i++) expect((await assign()).statusCode).toBe(201);
    const over = await assign();
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toMatch(/the most it may hold/);
    const [first] = await server.services.assignments.listForClass(id);
    await request(server.app, 'DELETE', `/classes/${id}/assignments/${first!.id}`, { token: teacher.accessToken });
    expect((await assign()).statusCode).toBe(201);
    expect(await server.services.assignments.listForClass(id)).toHaveLength(MAX_ASSIGNMENTS_PER_CLASS);
  });
});

describe('class membership', { timeout: 60_000 }, () => {
  it('a learner leaves; they no longer see its assignments, and leaving twice is not found', async () => {
    const { teacher, ada, id } = await classWithLearner();
    await request(server.app, 'POST', `/classes/${id}/assignments`, { token: teacher.accessToken, body: lesson() });
    const left = await request(server.app, 'DELETE', `/classes/${id}/members/${ada.account.id}`, {
      token: ada.accessToken,
    });
    expect(left.statusCode).toBe(204);
    expect((await request(server.app, 'GET', '/classes/mine', { token: ada.accessToken })).json()).toEqual({
      classes: [],
      assignments: [],
    });
    expect(
      (await request(server.app, 'DELETE', `/classes/${id}/members/${ada.account.id}`, { token: ada.accessToken }))
        .statusCode,
    ).toBe(404);
    expect(
      (await request(server.app, 'GET', `/classes/${id}/assignments`, { token: ada.accessToken })).statusCode,
    ).toBe(403);
  });

  it('a new join code replaces the old one at once', async () => {
    const { teacher, id, joinCode } = await classWithLearner();
    await registerAccount(server.app, 'bo@example.org');
    const bo = await login(server.app, 'bo@example.org');
    const renewed = await request(server.app, 'POST', `/classes/${id}/join-code`, { token: teacher.accessToken });
    const fresh = (renewed.json() as { joinCode: string }).joinCode;
    expect(fresh).not.toBe(joinCode);
    const old = await request(server.app, 'POST', '/classes/join', { token: bo.accessToken, body: { joinCode } });
    expect(old.statusCode).toBe(404);
    const joined = await request(server.app, 'POST', '/classes/join', {
      token: bo.accessToken,
      body: { joinCode: fresh },
    });
    expect(joined.json()).toEqual({ classId: id, name: 'Py' });
  });

  it('a teacher lists the classes they teach with code and size; an admin lists all', async () => {
    const { admin, teacher, id, joinCode } = await classWithLearner();
    const other = await signedInTeacher(server, admin, 'other@example.org');
    const otherClass = (
      await request(server.app, 'POST', '/classes', { token: other.accessToken, body: { name: 'Theirs' } })
    ).json();
    const taught = await request(server.app, 'GET', '/classes/taught', { token: teacher.accessToken });
    expect(taught.json()).toEqual({
      classes: [{ id, name: 'Py', joinCode, memberCount: 1, createdAt: expect.any(Number) }],
    });
    const all = await request(server.app, 'GET', '/classes/taught', { token: admin.accessToken });
    expect(all.json().classes.map((c: { id: string }) => c.id)).toEqual([id, otherClass.id]);
  });

  it('deleting a class takes its memberships and assignments with it', async () => {
    const { teacher, ada, id } = await classWithLearner();
    await request(server.app, 'POST', `/classes/${id}/assignments`, { token: teacher.accessToken, body: lesson() });
    expect((await request(server.app, 'DELETE', `/classes/${id}`, { token: teacher.accessToken })).statusCode).toBe(
      204,
    );
    expect(await server.services.assignments.listForClass(id)).toEqual([]);
    expect((await request(server.app, 'GET', '/classes/mine', { token: ada.accessToken })).json()).toEqual({
      classes: [],
      assignments: [],
    });
  });
});
