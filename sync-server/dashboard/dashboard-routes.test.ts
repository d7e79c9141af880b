import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { listening } from '../testing/documents-app.js';
import { classWithLearners, progressEvent, syncProgress, testCatalog } from '../testing/dashboard-class.js';
import { request, startTestServer } from '../testing/test-server.js';
import { reportTableNames } from './report-tables.js';

let server: SyncServer;
afterEach(() => server.app.close());

// Real time: the sync sockets close when their token expires by the clock, so the server's clock is not faked.
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const tests = (...statuses: ('pass' | 'fail')[]) => statuses.map((status, i) => ({ name: `test_${i}`, status }));
const submit = (exerciseId: string, statuses: ('pass' | 'fail')[], ago: number, hintsUsed = 0, durationMs = 1000) =>
  progressEvent(
    'ExerciseSubmitted',
    { exerciseId, codeHash: 'c'.repeat(64), tests: tests(...statuses), durationMs, hintsUsed, skills: ['py/loops'] },
    daysAgo(ago),
  );

async function startClass(names: string[]) {
  server = await startTestServer({ dashboard: { catalog: testCatalog } });
  const { base } = await listening(server);
  return { base, ...(await classWithLearners(server, names)) };
}

// Each test signs in half a dozen accounts (scrypt) before it starts.
describe('the class dashboard', { timeout: 30_000 }, () => {
  it("reports what the class's learners synced: completion, mastery, who is stuck, exercises, assessments", async () => {
    const { base, teacher, admin, classId, learners } = await startClass(['Ada', 'Bo']);
    const [ada, bo] = learners as [(typeof learners)[0], (typeof learners)[0]];
    await syncProgress(server, base, ada, [
      progressEvent('LessonCompleted', { lessonId: 'py/hello', timeSpentMs: 120_000 }, daysAgo(1)),
      progressEvent('LessonCompleted', { lessonId: 'py/names', timeSpentMs: 60_000 }, daysAgo(0)),
      submit('py/greet', ['pass', 'pass'], 10, 0, 800),
      progressEvent('ExerciseCompleted', { exerciseId: 'py/greet' }, daysAgo(0)),
      progressEvent(
        'QuizAnswered',
        { quizItemId: 'py/q1', correct: true, answer: 'a', timeSpentMs: 5000, skills: ['py/printing'] },
        daysAgo(0),
      ),
      progressEvent('AssessmentCompleted', { assessmentId: 'py/basics', score: 7, total: 10 }, daysAgo(0)),
    ]);
    // Bo fails one exercise again and again with the hints open, and last worked twelve days ago.
    await syncProgress(server, base, bo, [
      submit('py/sum', ['fail', 'pass'], 12, 1, 3000),
      submit('py/sum', ['fail', 'fail'], 12, 3, 5000),
      submit('py/sum', ['fail', 'pass'], 12, 3, 4000),
    ]);

    const response = await request(server.app, 'GET', `/dashboard/classes/${classId}`, { token: teacher.accessToken });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const report = response.json();
    expect(report.modules).toEqual([
      { moduleId: 'py/basics', title: 'Basics', total: 6, started: 1, finished: 0, averagePercent: 33 },
    ]);
    expect(report.learners.map((l: { displayName: string }) => l.displayName)).toEqual(['Ada', 'Bo']);
    expect(report.learners[0]).toMatchObject({
      lessonsCompleted: 2,
      exercisesCompleted: 1,
      quizItemsCorrect: 1,
      streakDays: 2,
    });
    expect(report.mastery).toEqual(
      expect.arrayContaining([
        { learnerId: ada.id, skillId: 'py/loops', correct: 1, attempts: 1, percent: 100 },
        { learnerId: ada.id, skillId: 'py/printing', correct: 1, attempts: 1, percent: 100 },
        { learnerId: bo.id, skillId: 'py/loops', correct: 0, attempts: 3, percent: 0 },
      ]),
    );
    expect(report.stuck).toEqual([
      {
        learnerId: bo.id,
        displayName: 'Bo',
        signals: [
          { kind: 'repeated-failures', exerciseId: 'py/sum', failed: 3 },
          { kind: 'idle', days: 12, lastAt: expect.any(String) },
          { kind: 'heavy-hints', exerciseId: 'py/sum', hints: 3 },
        ],
      },
    ]);
    expect(report.exercises).toEqual([
      {
        exerciseId: 'py/greet',
        title: 'Greet someone',
        learners: 1,
        attempts: 1,
        passRate: 100,
        medianMs: 800,
        commonFailingTest: null,
        commonFailingCount: 0,
      },
      {
        exerciseId: 'py/sum',
        title: 'Add them up',
        learners: 1,
        attempts: 3,
        passRate: 0,
        medianMs: 4000,
        commonFailingTest: 'test_0',
        commonFailingCount: 3,
      },
    ]);
    expect(report.assessments).toEqual([
      { learnerId: ada.id, assessmentId: 'py/basics', attempts: 1, bestPercent: 70, lastAt: expect.any(String) },
    ]);

    const school = await request(server.app, 'GET', '/dashboard/school/modules', { token: admin.accessToken });
    expect(school.json()).toEqual({
      learners: 2,
      modules: [{ moduleId: 'py/basics', title: 'Basics', total: 6, started: 1, finished: 0, averagePercent: 33 }],
    });

    const detail = await request(server.app, 'GET', `/dashboard/classes/${classId}/learners/${bo.id}`, {
      token: teacher.accessToken,
    });
    expect(detail.json()).toMatchObject({
      learner: { id: bo.id, displayName: 'Bo' },
      exercises: [{ exerciseId: 'py/sum', attempts: 3, failed: 3, bestPassed: 1, bestTotal: 2, maxHints: 3 }],
    });
  });

  it('lists assignments with where each learner stands, from the injected store', async () => {
    server = await startTestServer({
      dashboard: {
        catalog: testCatalog,
        listAssignments: async (classId) => [
          {
            id: '0190a0a0-0000-7000-8000-0000000000a1',
            classId,
            kind: 'lesson',
            packId: 'py',
            itemId: 'py/hello',
            title: 'Read Hello',
            dueAt: Date.parse('2026-03-12T00:00:00Z'),
            createdAt: 0,
            createdBy: '0190a0a0-0000-7000-8000-0000000000b1',
          },
        ],
      },
    });
    const { base } = await listening(server);
    const { teacher, classId, learners } = await classWithLearners(server, ['Ada', 'Bo']);
    await syncProgress(server, base, learners[0]!, [
      progressEvent('LessonCompleted', { lessonId: 'py/hello', timeSpentMs: 1000 }, daysAgo(1)),
    ]);
    await syncProgress(server, base, learners[1]!, [
      progressEvent('LessonOpened', { lessonId: 'py/hello' }, daysAgo(1)),
    ]);
    const report = (
      await request(server.app, 'GET', `/dashboard/classes/${classId}`, { token: teacher.accessToken })
    ).json();
    expect(report.assignments).toEqual([
      {
        id: '0190a0a0-0000-7000-8000-0000000000a1',
        kind: 'lesson',
        itemId: 'py/hello',
        title: 'Read Hello',
        dueAt: Date.parse('2026-03-12T00:00:00Z'),
        statuses: [
          { learnerId: learners[0]!.id, status: 'done' },
          { learnerId: learners[1]!.id, status: 'in-progress' },
        ],
        done: 1,
      },
    ]);
  });

  it('lets the teacher and admins read a class; learners, other teachers and strangers get nothing', async () => {
    const { teacher, otherTeacher, admin, classId, otherClassId, learners } = await startClass(['Ada']);
    const ada = learners[0]!;
    const classRoutes = [
      `/dashboard/classes/${classId}`,
      `/dashboard/classes/${classId}/page`,
      `/dashboard/classes/${classId}/learners/${ada.id}`,
      `/dashboard/classes/${classId}/learners/${ada.id}/page`,
      ...reportTableNames.map((table) => `/dashboard/classes/${classId}/export/${table}.csv`),
    ];
    for (const url of classRoutes) {
      const status = async (token?: string) => (await request(server.app, 'GET', url, { token })).statusCode;
      expect({ url, teacher: await status(teacher.accessToken) }).toEqual({ url, teacher: 200 });
      expect({ url, admin: await status(admin.accessToken) }).toEqual({ url, admin: 200 });
      expect({ url, other: await status(otherTeacher.accessToken) }).toEqual({ url, other: 403 });
      expect({ url, learner: await status(ada.accessToken) }).toEqual({ url, learner: 403 });
      expect({ url, anonymous: await status() }).toEqual({ url, anonymous: 401 });
    }
    const missing = `/dashboard/classes/0190a0a0-0000-7000-8000-00000000dead`;
    expect((await request(server.app, 'GET', missing, { token: admin.accessToken })).statusCode).toBe(404);
    // A learner of another class is not in this one's details, even for its teacher.
    const stranger = `/dashboard/classes/${otherClassId}/learners/${ada.id}`;
    for (const url of [stranger, `${stranger}/page`]) {
      expect((await request(server.app, 'GET', url, { token: otherTeacher.accessToken })).statusCode).toBe(404);
    }

    const list = async (token: string) =>
      (await request(server.app, 'GET', '/dashboard/classes', { token }))
        .json()
        .classes.map((c: { id: string }) => c.id);
    expect(await list(teacher.accessToken)).toEqual([classId]);
    expect(await list(otherTeacher.accessToken)).toEqual([otherClassId]);
    expect((await list(admin.accessToken)).sort()).toEqual([classId, otherClassId].sort());
    expect((await request(server.app, 'GET', '/dashboard/classes', { token: ada.accessToken })).statusCode).toBe(403);

    const school = async (token: string) =>
      (await request(server.app, 'GET', '/dashboard/school/modules', { token })).statusCode;
    expect([await school(admin.accessToken), await school(teacher.accessToken), await school(ada.accessToken)]).toEqual(
      [200, 403, 403],
    );
  });

  it('escapes hostile names in the page and keeps them from running as formulas in the CSV', async () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '=HYPERLINK("http://evil.example","x")',
      '+1',
      '-1',
      '@SUM(A1)',
      '"quoted", with comma',
    ];
    const { base, teacher, classId, learners } = await startClass(hostile);
    for (const learner of learners) {
      await syncProgress(server, base, learner, [
        progressEvent('LessonCompleted', { lessonId: 'py/hello', timeSpentMs: 1000 }, daysAgo(1)),
      ]);
    }
    const page = await request(server.app, 'GET', `/dashboard/classes/${classId}/page`, { token: teacher.accessToken });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).not.toContain('<img');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.body).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)');
    // Lessons only, no answer: the mastery heat map is an empty-state line, not a table of bare names.
    expect(page.body).toContain('No answers or submissions yet.');
    expect(page.body).not.toContain('id="table-mastery"');
    // The learner buttons carry the name in an attribute too, and each learner's detail repeats it.
    expect(page.body).toContain('aria-label="&lt;img src=x onerror=alert(1)&gt;: details"');
    for (const learner of learners) {
      const detail = await request(server.app, 'GET', `/dashboard/classes/${classId}/learners/${learner.id}/page`, {
        token: teacher.accessToken,
      });
      expect(detail.headers['content-type']).toMatch(/^text\/html/);
      expect(detail.body).not.toMatch(/<img|"[^"]*"[^>]*onerror/);
    }

    const csv = await request(server.app, 'GET', `/dashboard/classes/${classId}/export/learners.csv`, {
      token: teacher.accessToken,
    });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="learners.csv"');
    const firstCells = csv.body
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.slice(0, line.lastIndexOf(',1,0,0,')).split(',1,')[0]);
    expect(firstCells.sort()).toEqual(
      [
        "'+1",
        "'-1",
        "'@SUM(A1)",
        '"\'=HYPERLINK(""http://evil.example"",""x"")"',
        '"""quoted"", with comma"',
        '<img src=x onerror=alert(1)>',
      ].sort(),
    );
  });

  it('serves the page with a CSP that allows only its own script and style, and no token in any URL', async () => {
    server = await startTestServer({ dashboard: { catalog: testCatalog } });
    const page = await request(server.app, 'GET', '/dashboard');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("form-action 'none'");
    expect(page.body).toContain('<script type="module" src="/dashboard/dashboard.js"></script>');
    expect(page.body).not.toMatch(/<script>|style=/);
    const script = await request(server.app, 'GET', '/dashboard/dashboard.js');
    expect(script.body).toContain("authorization: 'Bearer '");
    expect(script.body).not.toMatch(/localStorage|sessionStorage|document\.cookie|token=/);
  });

  it('serves every file the page links, its icon among them (no request of the page ends in a 404)', async () => {
    server = await startTestServer({ dashboard: { catalog: testCatalog } });
    const page = await request(server.app, 'GET', '/dashboard');
    const linked = [...page.body.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(linked).toContain('/dashboard/icon.svg');
    for (const path of linked) expect((await request(server.app, 'GET', path)).statusCode, path).toBe(200);
  });
});
