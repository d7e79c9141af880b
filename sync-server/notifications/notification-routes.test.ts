import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { wireName } from '../../common/contract/sync-docs.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import { inboxItemSchema } from '../../common/contract/notifications.js';
import type { InboxItem } from '../../common/contract/notifications.js';
import { DocStore } from '../documents/doc-store.js';
import { classroomNotices } from './classroom-notices.js';
import type { SyncServer } from '../server.js';
import { login, registerAccount, signedInAdmin, signedInTeacher } from '../testing/test-accounts.js';
import { request, serverPerTest } from '../testing/test-server.js';

let server: SyncServer;
const startServer = serverPerTest();

/** The inbox items storage holds for an account (after the background delivery finished). */
async function inboxOf(accountId: string): Promise<InboxItem[]> {
  await server.notifications.delivery.idle();
  const stored = await new DocStore(server.store).load(wireName(accountId, 'inbox'));
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getArray<InboxItem>(SYNC_ROOTS.inbox.name).toArray();
}

async function classroom() {
  server = await startServer();
  const admin = await signedInAdmin(server);
  const teacher = await signedInTeacher(server, admin, 'teacher@example.org');
  const other = await signedInTeacher(server, admin, 'other@example.org');
  const made = await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Py' } });
  const { id: classId, joinCode } = made.json() as { id: string; joinCode: string };
  const adaId = await registerAccount(server.app, 'ada@example.org');
  const outsiderId = await registerAccount(server.app, 'zed@example.org');
  const ada = await login(server.app, 'ada@example.org');
  await request(server.app, 'POST', '/classes/join', { token: ada.accessToken, body: { joinCode } });
  return { admin, teacher, other, classId, joinCode, adaId, outsiderId, ada };
}

const send = (token: string, body: unknown) => request(server.app, 'POST', '/notifications', { token, body });

describe('sending notifications', { timeout: 60_000 }, () => {
  it('follows the matrix: learners never, teachers to their classes and members, admins to all', async () => {
    const { admin, teacher, other, classId, joinCode, adaId, outsiderId, ada } = await classroom();
    const text = 'Read chapter 3 before Friday.';
    const cells: [string, string, unknown, number][] = [
      ['learner to a class', ada.accessToken, { to: 'class', classId }, 403],
      ['learner to everyone', ada.accessToken, { to: 'everyone' }, 403],
      ['learner to a learner', ada.accessToken, { to: 'learner', accountId: outsiderId }, 403],
      ['teacher to own class', teacher.accessToken, { to: 'class', classId }, 202],
      [
        'teacher to own class by code',
        teacher.accessToken,
        { to: 'class-code', joinCode: joinCode.toLowerCase() },
        202,
      ],
      ['teacher to a member', teacher.accessToken, { to: 'learner', accountId: adaId }, 202],
      ['teacher to a non-member', teacher.accessToken, { to: 'learner', accountId: outsiderId }, 403],
      ['teacher to everyone', teacher.accessToken, { to: 'everyone' }, 403],
      ["teacher to another's class", other.accessToken, { to: 'class', classId }, 403],
      ['teacher to an unknown class', other.accessToken, { to: 'class-code', joinCode: 'ZZZZZZZZ' }, 403],
      ["teacher to another's member", other.accessToken, { to: 'learner', accountId: adaId }, 403],
      ['admin to a class', admin.accessToken, { to: 'class', classId }, 202],
      ['admin to anyone', admin.accessToken, { to: 'learner', accountId: outsiderId }, 202],
      ['admin to everyone', admin.accessToken, { to: 'everyone' }, 202],
    ];
    for (const [name, token, audience, status] of cells) {
      const answer = await send(token, { audience, text });
      expect({ name, status: answer.statusCode }).toEqual({ name, status });
    }
    const noToken = await request(server.app, 'POST', '/notifications', {
      body: { audience: { to: 'everyone' }, text },
    });
    expect(noToken.statusCode).toBe(401);

    // Ada got the class messages (3: teacher, teacher by code, admin), the one to her, and the announcement.
    const items = await inboxOf(adaId);
    const kinds = items.map((item) => item.kind).sort();
    expect(kinds).toEqual([
      'announcement',
      'class-message',
      'class-message',
      'class-message',
      'class-message',
      'welcome',
    ]);
    expect(items.find((item) => item.kind === 'announcement')).toMatchObject({
      title: 'Announcement from Admin',
      body: text,
    });
    // The outsider: the admin's message and the announcement, none of the teacher's.
    expect((await inboxOf(outsiderId)).map((item) => item.kind).sort()).toEqual([
      'announcement',
      'class-message',
      'welcome',
    ]);
  });

  it('refuses empty, oversized, control-character and outside-link messages, and checks the rest', async () => {
    const { teacher, classId } = await classroom();
    const audience = { to: 'class', classId };
    for (const body of [
      { audience, text: '' },
      { audience, text: '   ' },
      { audience, text: 'x'.repeat(2001) },
      { audience, text: 'hello\u0007' },
      { audience, text: 'look \u202ehere' },
      { audience, text: 'hi', title: 'y'.repeat(121) },
      { audience, text: 'hi', link: 'https://evil.example/' },
      { audience, text: 'hi', link: 'javascript:alert(1)' },
      { audience, text: 'hi', format: 'html' },
      { audience, text: 'hi', extra: true },
      { audience: { to: 'learner', accountId: 'not-a-uuid' }, text: 'hi' },
      { text: 'hi' },
    ]) {
      const answer = await send(teacher.accessToken, body);
      expect({ body, status: answer.statusCode }).toEqual({ body, status: 400 });
    }
    const ok = await send(teacher.accessToken, {
      audience,
      text: '**Quiz** on `lists`\n\nSee the lesson.',
      format: 'markdown',
      link: '#/lessons/python-foundations/lists',
      important: true,
    });
    expect(ok.statusCode).toBe(202);
    expect(ok.json()).toEqual({ messageId: expect.any(String), recipients: 1 });
  });

  it('limits how many messages one sender sends per window', async () => {
    server = await startServer({ sendLimit: { max: 2, windowMs: 60_000 } });
    const admin = await signedInAdmin(server);
    const body = { audience: { to: 'everyone' }, text: 'hi' };
    expect((await send(admin.accessToken, body)).statusCode).toBe(202);
    expect((await send(admin.accessToken, body)).statusCode).toBe(202);
    const third = await send(admin.accessToken, body);
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ error: 'too-many-attempts' });
  });

  it("the hooks tell a class's members of a new assignment and its teacher of a struggling learner, once per key", async () => {
    const { classId, adaId } = await classroom();
    const teacherId = (await server.store.get<{ teacher_id: string }>('SELECT teacher_id FROM classes WHERE id = ?', [
      classId,
    ]))!.teacher_id;
    const notice = {
      kind: 'new-assignment',
      title: 'New assignment: Lists',
      body: 'Due Friday',
      key: 'assign-1',
    } as const;
    expect(await server.notifications.notifyClass(classId, notice)).toMatchObject({ recipients: 1 });
    expect(await server.notifications.notifyClass(classId, notice)).toMatchObject({ recipients: 0 });
    await server.notifications.notifyTeacher(classId, {
      kind: 'struggling-learner',
      title: 'ada is struggling with lists',
      body: '4 wrong answers in a row',
    });
    expect((await inboxOf(adaId)).filter((item) => item.kind === 'new-assignment')).toHaveLength(1);
    expect((await inboxOf(teacherId)).map((item) => item.kind)).toContain('struggling-learner');
  });

  it('tells the teacher of each class a struggling learner is in, once each', async () => {
    const { other, adaId, ada } = await classroom();
    const second = await request(server.app, 'POST', '/classes', { token: other.accessToken, body: { name: 'Js' } });
    const { joinCode } = second.json() as { joinCode: string };
    await request(server.app, 'POST', '/classes/join', { token: ada.accessToken, body: { joinCode } });
    const notices = classroomNotices(server.store, server.notifications, server.app.log);
    // The longest exercise id a pack may have (two 80-character ids): the item id still fits the inbox's 200.
    const exerciseId = `${'p'.repeat(80)}/${'e'.repeat(80)}`;
    const signal = { kind: 'repeated-failures', exerciseId, failed: 5 } as const;
    notices.struggling(adaId, [signal]);
    notices.struggling(adaId, [signal]);
    const struggles = async (accountId: string) =>
      (await inboxOf(accountId)).filter((item) => item.kind === 'struggling-learner').length;
    const teachers = await server.store.all<{ teacher_id: string }>('SELECT teacher_id FROM classes');
    expect(teachers).toHaveLength(2);
    for (const { teacher_id } of teachers) await expect.poll(() => struggles(teacher_id)).toBe(1);
    for (const { teacher_id } of teachers) {
      for (const item of await inboxOf(teacher_id)) expect(inboxItemSchema.safeParse(item).success).toBe(true);
    }
  });

  it('wires the rooms: an assignment made through its route reaches the class, once, and links home', async () => {
    const { teacher, classId, adaId } = await classroom();
    const made = await request(server.app, 'POST', `/classes/${classId}/assignments`, {
      token: teacher.accessToken,
      body: {
        kind: 'lesson',
        packId: 'python-foundations',
        itemId: 'python-foundations/variables',
        title: 'Variables',
        dueAt: Date.UTC(2026, 11, 11),
      },
    });
    expect(made.statusCode).toBe(201);
    await expect
      .poll(async () => (await inboxOf(adaId)).filter((i) => i.kind === 'new-assignment'))
      .toEqual([expect.objectContaining({ title: 'New assignment: Variables', body: 'Due 2026-12-11.', link: '#/' })]);
  });
});
