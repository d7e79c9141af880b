import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import { MAX_ANALYTICS_DAYS } from '../../../common/contract/analytics.js';
import type { RecordInput } from '../../../common/contract/progress.js';
import { de } from '../../../common/i18n/messages/de.js';
import { en } from '../../../common/i18n/messages/en.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';

const MIN = 60_000;
const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => void core.close()));

/** A core on a real SQLite file with the demo pack, a learner, and a clock the test moves. */
async function start() {
  let clock = new Date('2026-03-02T10:00:00.000Z');
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'analytics-')),
    appVersion: '1.0.0',
    bundledPacksDir: dirname(writePackFixture()),
    logger: pino({ level: 'silent' }),
    now: () => clock,
  });
  opened.push(core);
  const api = createApiClient(localBridge(core));
  const { session } = await api.createLearner({ profile: { displayName: 'Ana' } });
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  const record = (iso: string, event: RecordInput) => core.recordProgress(session, [{ ...event, timestamp: iso }]);
  const analytics = (from: string, to: string, timeZone = 'UTC') =>
    api.getUserAnalytics({ session, from, to, timeZone });
  return { core, api, session, at, record, analytics };
}

const EXERCISE = 'demo/count-down';
const started = { type: 'ExerciseStarted', data: { exerciseId: EXERCISE } } as const;
const submitted = (pass: boolean, durationMs = 150): RecordInput => ({
  type: 'ExerciseSubmitted',
  data: {
    exerciseId: EXERCISE,
    codeHash: 'a'.repeat(64),
    tests: [{ name: 'test_counts', status: pass ? 'pass' : 'fail' }],
    durationMs,
    hintsUsed: 0,
  },
});
const answered = (correct: boolean, timeSpentMs = 20_000): RecordInput => ({
  type: 'QuizAnswered',
  data: { quizItemId: 'demo/range-stop', correct, answer: correct ? '1' : '0', timeSpentMs },
});

describe('time on task', () => {
  it('counts ten minutes of exercise work as ten minutes, where the summary counted only the run (0 min)', async () => {
    const { record, analytics, api, session } = await start();
    await record('2026-03-02T10:00:00.000Z', started);
    await record('2026-03-02T10:04:00.000Z', submitted(false));
    await record('2026-03-02T10:10:00.000Z', submitted(true));
    // What the progress screen showed: the sandbox's run time alone.
    const summary = await api.getProgressSummary({ session, days: 7 });
    expect(summary.timeOnTaskMs).toBe(300);
    expect(Math.round(summary.timeOnTaskMs / MIN)).toBe(0);

    const result = await analytics('2026-03-02', '2026-03-02');
    expect(result.timeOnTask).toEqual({
      totalMs: 10 * MIN,
      byKind: { exercise: 10 * MIN, quiz: 0, lesson: 0, review: 0, assessment: 0 },
    });
    expect(result.days).toEqual([{ day: '2026-03-02', events: 3, timeMs: 10 * MIN }]);
    expect(result.idleGapMinutes).toBe(15);
  });

  it('counts draft saves and runs between events as exercise work, and stops counting at a break', async () => {
    const { at, api, session, record, analytics } = await start();
    await record('2026-03-02T10:00:00.000Z', started);
    // Typing: the editor saves drafts; no progress event for twenty minutes.
    for (const minute of [2, 9, 16, 23]) {
      at(`2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`);
      await api.saveDraft({ session, exerciseId: EXERCISE, code: `print(${minute})` });
    }
    // A break of 40 minutes, then the submission: the break is not time on task.
    await record('2026-03-02T11:03:00.000Z', submitted(true, 2_000));
    const result = await analytics('2026-03-02', '2026-03-02');
    expect(result.timeOnTask.byKind.exercise).toBe(23 * MIN + 2_000);
    // Only the progress events count as the calendar's events; the marks are time alone.
    expect(result.days[0]!.events).toBe(2);
  });

  it('counts quiz time from the items answered, and never a minute twice', async () => {
    const { api, session, at, analytics } = await start();
    const quiz = await api.getQuiz({ session, moduleId: 'demo/loops' });
    // Three answers a minute apart, each looked at for 50 seconds (inside the gap before it).
    for (const [n, item] of quiz.items.entries()) {
      at(`2026-03-02T10:0${n + 1}:00.000Z`);
      await api.answerQuizItem({ session, moduleId: 'demo/loops', itemId: item.id, answer: 1, timeSpentMs: 50_000 });
    }
    const result = await analytics('2026-03-02', '2026-03-02');
    // The first answer's 50 s, then the minute between each two answers: 50 s + 1 min.
    expect(quiz.items).toHaveLength(2);
    expect(result.timeOnTask.byKind.quiz).toBe(50_000 + MIN);
    expect(result.timeOnTask.totalMs).toBe(50_000 + MIN);
  });

  it('gives the gap before an opening to what came before it', async () => {
    const { record, analytics } = await start();
    await record('2026-03-02T10:00:00.000Z', { type: 'LessonOpened', data: { lessonId: 'demo/for-loops' } });
    await record('2026-03-02T10:06:00.000Z', {
      type: 'LessonCompleted',
      data: { lessonId: 'demo/for-loops', timeSpentMs: 5 * MIN },
    });
    await record('2026-03-02T10:08:00.000Z', started);
    await record('2026-03-02T10:12:00.000Z', submitted(true));
    const { byKind } = (await analytics('2026-03-02', '2026-03-02')).timeOnTask;
    expect(byKind).toEqual({ exercise: 4 * MIN, quiz: 0, lesson: 8 * MIN, review: 0, assessment: 0 });
  });
});

describe('ranges and local dates', () => {
  it('keeps to the range, every day of it listed, days without activity too', async () => {
    const { record, analytics } = await start();
    await record('2026-03-01T12:00:00.000Z', answered(true));
    await record('2026-03-03T12:00:00.000Z', answered(false));
    await record('2026-03-05T12:00:00.000Z', answered(true));
    const result = await analytics('2026-03-02', '2026-03-04');
    expect(result.days).toEqual([
      { day: '2026-03-02', events: 0, timeMs: 0 },
      { day: '2026-03-03', events: 1, timeMs: 20_000 },
      { day: '2026-03-04', events: 0, timeMs: 0 },
    ]);
    expect(result.timeOnTask.totalMs).toBe(20_000);
  });

  it('splits work across local midnight in the learner’s zone', async () => {
    const { record, analytics } = await start();
    // 23:54 to 00:06 in Berlin (UTC+1 in March): six minutes on each local day.
    await record('2026-03-02T22:54:00.000Z', started);
    await record('2026-03-02T23:06:00.000Z', submitted(true, 0));
    const berlin = await analytics('2026-03-02', '2026-03-03', 'Europe/Berlin');
    expect(berlin.days).toEqual([
      { day: '2026-03-02', events: 1, timeMs: 6 * MIN },
      { day: '2026-03-03', events: 1, timeMs: 6 * MIN },
    ]);
    // The same work is one local day in UTC.
    const utc = await analytics('2026-03-02', '2026-03-03', 'UTC');
    expect(utc.days.map((d) => d.timeMs)).toEqual([12 * MIN, 0]);
  });

  it('follows daylight saving time: a fixed offset would put an evening on the wrong day', async () => {
    const { record, analytics } = await start();
    // New York moves to UTC-4 at 2:00 on 8 March 2026. 04:30Z on the 9th is 00:30 on the 9th (EDT);
    // with the winter offset of UTC-5 it would be 23:30 on the 8th.
    await record('2026-03-08T04:30:00.000Z', answered(true, 1000));
    await record('2026-03-09T04:30:00.000Z', answered(true, 1000));
    const result = await analytics('2026-03-07', '2026-03-09', 'America/New_York');
    expect(result.days.map((d) => [d.day, d.events])).toEqual([
      ['2026-03-07', 1],
      ['2026-03-08', 0],
      ['2026-03-09', 1],
    ]);
    // A stretch across the short night: 01:55 EST to 03:05 EDT is fifteen minutes of work on the 8th.
    await record('2026-03-08T06:55:00.000Z', started);
    await record('2026-03-08T07:05:00.000Z', submitted(true, 0));
    const spring = await analytics('2026-03-08', '2026-03-08', 'America/New_York');
    expect(spring.days).toEqual([{ day: '2026-03-08', events: 2, timeMs: 10 * MIN }]);
  });

  it('refuses a bad range in words, reading nothing', async () => {
    const { api, session } = await start();
    const call = (from: string, to: string, timeZone = 'UTC') => api.getUserAnalytics({ session, from, to, timeZone });
    await expect(call('2026-03-05', '2026-03-01')).rejects.toThrow('`from` must not come after `to`');
    await expect(call('2025-01-01', '2026-03-01')).rejects.toThrow('a range is at most 400 days');
    // The catalog's sentence (both languages) states the limit the contract enforces.
    expect([en['rule-range-length'], de['rule-range-length']].every((t) => t.includes(`${MAX_ANALYTICS_DAYS} `))).toBe(
      true,
    );
    await expect(call('2026-02-30', '2026-03-01')).rejects.toThrow(/date/i);
    await expect(call('2026-03-01', '2026-03-02', 'Mars/Olympus')).rejects.toThrow('an IANA time zone');
    await expect(call('2026-03-01', '2026-03-02', 'Europe/Berlin\u0000')).rejects.toThrow('an IANA time zone');
    await expect(call('', '2026-03-02')).rejects.toThrow(/date/i);
  });
});

describe('mastery, accuracy and assessments', () => {
  it('gives accuracy in the range and mastery by day, counting the evidence from before it', async () => {
    const { record, analytics } = await start();
    // Long before the range (read from the mastery projection), and just before it (from the log).
    await record('2026-02-10T09:00:00.000Z', answered(false));
    await record('2026-03-01T09:00:00.000Z', answered(true));
    await record('2026-03-02T09:00:00.000Z', answered(false));
    await record('2026-03-02T09:05:00.000Z', submitted(true));
    await record('2026-03-04T09:00:00.000Z', answered(true));
    // After the range: not counted.
    await record('2026-03-06T09:00:00.000Z', answered(false));
    const { skills } = await analytics('2026-03-02', '2026-03-05');
    expect(skills).toEqual([
      {
        skillId: 'demo/loops',
        title: 'Loops',
        correct: 2,
        attempts: 3,
        before: { correct: 1, attempts: 2 },
        mastery: [
          { day: '2026-03-02', correct: 2, attempts: 4 },
          { day: '2026-03-04', correct: 3, attempts: 5 },
        ],
      },
    ]);
  });

  it('lists assessments finished in the range, and none when there are none', async () => {
    const { record, analytics } = await start();
    expect((await analytics('2026-03-01', '2026-03-31')).assessments).toEqual([]);
    await record('2026-03-03T15:00:00.000Z', {
      type: 'AssessmentCompleted',
      data: { assessmentId: 'python-basics-check', score: 7, total: 10 },
    });
    await record('2026-04-03T15:00:00.000Z', {
      type: 'AssessmentCompleted',
      data: { assessmentId: 'later', score: 1, total: 2 },
    });
    expect((await analytics('2026-03-01', '2026-03-31')).assessments).toEqual([
      { assessmentId: 'python-basics-check', at: '2026-03-03T15:00:00.000Z', day: '2026-03-03', score: 7, total: 10 },
    ]);
  });

  it('shows a learner nothing of another learner', async () => {
    const { api, record, analytics } = await start();
    await record('2026-03-02T10:00:00.000Z', answered(true));
    const other = await api.createLearner({ profile: { displayName: 'Bo' } });
    const theirs = await api.getUserAnalytics({
      session: other.session,
      from: '2026-03-02',
      to: '2026-03-02',
      timeZone: 'UTC',
    });
    expect(theirs.timeOnTask.totalMs).toBe(0);
    expect(theirs.skills).toEqual([]);
    expect((await analytics('2026-03-02', '2026-03-02')).skills).toHaveLength(1);
  });
});
