// The app core's classroom against the real class server on loopback: a learner joins with a code and sees
// their assignments with statuses computed from their own recorded progress; offline they see the saved ones.
import { describe, expect, it } from 'vitest';
import type { AssignmentInput } from '../../common/contract/classes.js';
import type { RecordInput } from '../../common/contract/progress.js';
import { registerAccount, signedInTeacher } from '../../sync-server/testing/test-accounts.js';
import { PASSWORD, request } from '../../sync-server/testing/test-server.js';
import { classServer, DAY, device, NOW } from './classroom-fixture.js';

/** A submission of demo/count-down whose tests came out as given. */
const submitted = (codeHash: string, ...statuses: ('pass' | 'fail')[]): RecordInput => ({
  type: 'ExerciseSubmitted',
  data: {
    exerciseId: 'demo/count-down',
    codeHash: codeHash.repeat(64),
    tests: statuses.map((status, i) => ({ name: `test ${i}`, status })),
    durationMs: 100,
    hintsUsed: 0,
  },
});

const assignments: AssignmentInput[] = [
  { kind: 'lesson', packId: 'demo', itemId: 'demo/hello', title: 'Read Hello', dueAt: NOW.getTime() + 2 * DAY },
  { kind: 'exercise', packId: 'demo', itemId: 'demo/count-down', title: 'Count down', dueAt: NOW.getTime() - DAY },
  { kind: 'quiz', packId: 'demo', itemId: 'demo/loops', title: 'Loops quiz', dueAt: null },
  { kind: 'assessment', packId: 'demo', itemId: 'demo/loops', title: 'Loops test', dueAt: null },
];

// Real servers, real cores and scrypt: seconds each, more on a busy machine.
describe('the classroom in the app', { timeout: 30_000 }, () => {
  it('joins with a code, then follows the learner’s own progress on each assignment', async () => {
    const { server, url, teacher } = await classServer();
    const { api, session, record } = await device();

    expect(await api.getClassroom({ session })).toMatchObject({ serverUrl: null, classes: [], assignments: [] });
    await expect(api.joinClass({ session, joinCode: 'ABCD2345' })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Sign in to your class server first: Settings, Sync.',
    });

    const { id: classId, joinCode } = (
      await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Python 1' } })
    ).json();
    for (const body of assignments) {
      await request(server.app, 'POST', `/classes/${classId}/assignments`, { token: teacher.accessToken, body });
    }
    await registerAccount(server.app, 'ada@example.org');
    await api.linkSyncAccount({ session, serverUrl: url, email: 'ada@example.org', password: PASSWORD });

    await expect(api.joinClass({ session, joinCode: 'abc' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('A join code has 8 letters and digits'),
    });
    await expect(api.joinClass({ session, joinCode: 'ZZZZ-ZZZZ' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'No class has this join code; check it with your teacher.',
    });
    const joined = await api.joinClass({
      session,
      joinCode: `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4)}`,
    });
    expect(joined).toMatchObject({
      serverUrl: url,
      role: 'learner',
      classes: [{ id: classId, name: 'Python 1', teacherName: 'teacher' }],
      updatedAt: NOW.toISOString(),
      offline: null,
    });
    const statuses = async () =>
      Object.fromEntries((await api.getClassroom({ session })).assignments.map((a) => [a.title, a.status]));
    // Soonest due first (overdue first of all), undated last (those two were made at the same instant here).
    const listed = joined.assignments.map((a) => [a.title, a.className, a.status]);
    expect([...listed.slice(0, 2), ...listed.slice(2).sort()]).toEqual([
      ['Count down', 'Python 1', 'not-started'],
      ['Read Hello', 'Python 1', 'not-started'],
      ['Loops quiz', 'Python 1', 'not-started'],
      ['Loops test', 'Python 1', 'not-started'],
    ]);

    await record([
      { type: 'LessonOpened', data: { lessonId: 'demo/hello' } },
      { type: 'ExerciseStarted', data: { exerciseId: 'demo/count-down' } },
      submitted('a', 'pass', 'fail'),
      { type: 'QuizAnswered', data: { quizItemId: 'demo/range-stop', correct: false, answer: 'x', timeSpentMs: 10 } },
    ]);
    expect(await statuses()).toEqual({
      'Read Hello': 'in-progress',
      'Count down': 'in-progress',
      'Loops quiz': 'in-progress',
      'Loops test': 'not-started',
    });

    await record([
      { type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 1000 } },
      submitted('b', 'pass', 'pass'),
      { type: 'QuizAnswered', data: { quizItemId: 'demo/loop-count', correct: true, answer: 'y', timeSpentMs: 10 } },
      { type: 'AssessmentCompleted', data: { assessmentId: 'demo/loops', score: 3, total: 4 } },
    ]);
    const done = { 'Read Hello': 'done', 'Count down': 'done', 'Loops quiz': 'done', 'Loops test': 'done' };
    expect(await statuses()).toEqual(done);

    // Leaving takes the class and its assignments off home.
    expect(await api.leaveClass({ session, classId })).toMatchObject({ classes: [], assignments: [] });
  });

  it('offline, shows the saved classes and assignments, says since when, and explains a join that cannot be made', async () => {
    const { server, url, teacher, stop } = await classServer();
    const { api, session, record } = await device();
    const { id: classId, joinCode } = (
      await request(server.app, 'POST', '/classes', { token: teacher.accessToken, body: { name: 'Python 1' } })
    ).json();
    await request(server.app, 'POST', `/classes/${classId}/assignments`, {
      token: teacher.accessToken,
      body: assignments[0],
    });
    await registerAccount(server.app, 'ada@example.org');
    await api.linkSyncAccount({ session, serverUrl: url, email: 'ada@example.org', password: PASSWORD });
    await api.joinClass({ session, joinCode });
    await stop();

    await record([{ type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 1000 } }]);
    const offline = await api.getClassroom({ session });
    expect(offline).toMatchObject({
      serverUrl: url,
      classes: [{ id: classId, name: 'Python 1' }],
      updatedAt: NOW.toISOString(),
      offline: expect.stringContaining(`Cannot reach the class server at ${url}`),
    });
    // The status still follows the progress made offline.
    expect(offline.assignments.map((a) => [a.title, a.status])).toEqual([['Read Hello', 'done']]);
    await expect(api.joinClass({ session, joinCode })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('Cannot reach the class server'),
    });
  });

  it('a teacher manages a class from the app; a learner is refused by the server', async () => {
    const { server, url, admin } = await classServer();
    await signedInTeacher(server, admin, 'ms.t@example.org');
    const teacherApp = await device();
    await teacherApp.api.linkSyncAccount({
      session: teacherApp.session,
      serverUrl: url,
      email: 'ms.t@example.org',
      password: PASSWORD,
    });
    const t = { session: teacherApp.session };
    expect(await teacherApp.api.getClassroom(t)).toMatchObject({ role: 'teacher' });
    const created = await teacherApp.api.createClass({ ...t, name: 'Lab 2' });
    expect(created).toMatchObject({ name: 'Lab 2', memberCount: 0, joinCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    const assigned = await teacherApp.api.createAssignment({ ...t, classId: created.id, assignment: assignments[0]! });
    expect(assigned).toMatchObject({ classId: created.id, title: 'Read Hello' });

    const learner = await device();
    await registerAccount(server.app, 'ada@example.org');
    await learner.api.linkSyncAccount({
      session: learner.session,
      serverUrl: url,
      email: 'ada@example.org',
      password: PASSWORD,
    });
    await learner.api.joinClass({ session: learner.session, joinCode: created.joinCode });
    const detail = await teacherApp.api.getClassDetail({ ...t, classId: created.id });
    expect(detail.members.map((m) => m.displayName)).toEqual(['ada']);
    expect(detail.assignments).toEqual([assigned]);

    await expect(learner.api.listTaughtClasses({ session: learner.session })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(learner.api.getClassDetail({ session: learner.session, classId: created.id })).rejects.toMatchObject({
      code: 'forbidden',
    });

    const { joinCode } = await teacherApp.api.renewJoinCode({ ...t, classId: created.id });
    expect(joinCode).not.toBe(created.joinCode);
    await teacherApp.api.removeClassMember({ ...t, classId: created.id, accountId: detail.members[0]!.id });
    await teacherApp.api.deleteAssignment({ ...t, classId: created.id, assignmentId: assigned.id });
    expect(await teacherApp.api.listTaughtClasses(t)).toEqual([{ ...created, joinCode, memberCount: 0 }]);
    expect(await learner.api.getClassroom({ session: learner.session })).toMatchObject({
      classes: [],
      assignments: [],
    });
  });
});
