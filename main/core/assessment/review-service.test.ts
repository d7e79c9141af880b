import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import type { RecordInput } from '../../../common/contract/progress.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';
import type { StoredQuizItem } from './quiz-bank.js';
import { forecastDays, measuredRetention } from './review-forecast.js';
import { deriveRating, FAST_RECALL_MS, SLOW_RECALL_MS } from './review-rating.js';
import { pickReviewItem } from './review-service.js';
import { writeQuizPackFixture } from './testing/quiz-fixture.js';

const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => void core.close()));

const SKILL = 'demo/loops';
/** "Today" for every core here: the skill was mastered in January, so its first review is due. */
const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 0, day, 9, minute)).toISOString();

const right = (itemId: string, timestamp: string): RecordInput => ({
  type: 'QuizAnswered',
  timestamp,
  data: { quizItemId: `demo/${itemId}`, correct: true, answer: '4', timeSpentMs: 3000 },
});

async function start(packs = writeQuizPackFixture()) {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'reviews-')),
    appVersion: '1.0.0',
    bundledPacksDir: packs,
    logger: pino({ level: 'silent' }),
    now: () => NOW,
  });
  opened.push(core);
  const bridge = localBridge(core);
  const api = createApiClient(bridge);
  const { session } = await api.createLearner({ profile: { displayName: 'Rey' } });
  const record = (events: RecordInput[]) => core.recordProgress(session, events);
  /** Three right answers in January: the skill is mastered and enters review. */
  const master = () =>
    record([right('range-stop', at(10, 0)), right('loop-count', at(10, 1)), right('no-return', at(10, 2))]);
  const log = async () => {
    const progress = await api.getUserProgress({ session });
    const forecast = await api.getReviewForecast({ session, days: 30 });
    return { quiz: progress.quizItems, reviews: forecast.retention.reviews };
  };
  return { core, bridge, api, session, record, master, log };
}

const item = (id: string): StoredQuizItem => ({
  id,
  moduleId: 'demo/loops',
  skills: [SKILL],
  item: {
    id,
    kind: 'numeric',
    prompt: '?',
    answer: 1,
    tolerance: 0,
    explanation: '',
    skills: [],
    difficulty: 1,
  } as never,
});

describe('the rating a review answer earns', () => {
  it.each([
    [false, 1_000, 1, 'wrong, however fast: Again'],
    [false, 120_000, 1, 'wrong and slow: Again'],
    [true, 0, 4, 'right at once: Easy'],
    [true, FAST_RECALL_MS, 4, 'right at the fast limit: Easy'],
    [true, FAST_RECALL_MS + 1, 3, 'right just past it: Good'],
    [true, SLOW_RECALL_MS, 3, 'right at the slow limit: Good'],
    [true, SLOW_RECALL_MS + 1, 2, 'right past the slow limit: Hard'],
    [true, 24 * 3600 * 1000, 2, 'right after a day: Hard'],
  ])('correct %s in %i ms gives %i (%s)', (correct, ms, rating) => {
    expect(deriveRating(correct, ms).rating).toBe(rating);
  });
});

describe('the question a review asks', () => {
  it('never repeats the item answered last, and prefers the one answered longest ago', () => {
    const items = ['a', 'b', 'c'].map(item);
    expect(pickReviewItem(items, new Map())?.id).toBe('a');
    expect(pickReviewItem(items, new Map([['a', at(2)]]))?.id).toBe('b');
    expect(
      pickReviewItem(
        items,
        new Map([
          ['a', at(2)],
          ['b', at(3)],
          ['c', at(1)],
        ]),
      )?.id,
    ).toBe('c');
    expect(
      pickReviewItem(
        items,
        new Map([
          ['a', at(1)],
          ['b', at(2)],
          ['c', at(3)],
        ]),
      )?.id,
    ).toBe('a');
    // One item is all there is; none, nothing to ask.
    expect(pickReviewItem([item('a')], new Map([['a', at(3)]]))?.id).toBe('a');
    expect(pickReviewItem([], new Map())).toBeUndefined();
  });

  it('asks an item of the due skill without its answer, and not the one just answered', async () => {
    const { api, session, master } = await start();
    await master();
    const [due] = await api.getReviewSchedule({ session });
    expect(due).toMatchObject({ skillId: SKILL });
    expect(Date.parse(due!.due)).toBeLessThanOrEqual(NOW.getTime());
    const first = await api.getReviewQuestion({ session, skillId: SKILL });
    expect(first.question?.skills).toContain(SKILL);
    // Never answered items come first: not one of the three answered in January.
    expect(['demo/range-stop', 'demo/loop-count', 'demo/no-return']).not.toContain(first.question!.id);
    expect(JSON.stringify(first)).not.toMatch(/explanation|"answer/);
  });

  it('grades the answer, derives the rating from it and its time, and records both in the core', async () => {
    const { api, session, master, log } = await start();
    await master();
    const before = { ...(await api.getReviewSchedule({ session }))[0]!, quiz: (await log()).quiz };
    const question = (await api.getReviewQuestion({ session, skillId: SKILL })).question!;
    expect(question.id).toBe('demo/falsy-values');
    const result = await api.answerReview({
      session,
      skillId: SKILL,
      itemId: question.id,
      answer: [0, 2, 3],
      timeSpentMs: 4000,
    });
    expect(result).toMatchObject({ correct: true, rating: 4, skillId: SKILL });
    expect(Date.parse(result.nextDue)).toBeGreaterThan(NOW.getTime());
    const after = (await api.getReviewSchedule({ session }))[0]!;
    expect(after.reviews).toBe(before.reviews + 1);
    expect(after.due).toBe(result.nextDue);
    // A review, not a quiz attempt: the card moved, mastery did not.
    expect(await log()).toMatchObject({ reviews: 1, quiz: before.quiz });
    // The item just answered is not asked next.
    expect((await api.getReviewQuestion({ session, skillId: SKILL })).question!.id).not.toBe(question.id);

    const wrong = await api.answerReview({
      session,
      skillId: SKILL,
      itemId: 'demo/loop-count',
      answer: 7,
      timeSpentMs: 2000,
    });
    expect(wrong).toMatchObject({ correct: false, rating: 1, expected: '3' });
    const forecast = await api.getReviewForecast({ session, days: 30 });
    expect(forecast.retention).toEqual({ days: 30, reviews: 2, recalled: 1, share: 0.5 });
  });

  it('refuses a face that posts its own ReviewDone, and a self-rating where a question exists', async () => {
    const { bridge, api, session, master, log } = await start();
    await master();
    const event = { type: 'ReviewDone', data: { skillId: SKILL, rating: 4 } };
    expect(await bridge.trackProgress({ session, event })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await bridge.updateUserProgress({ session, events: [event] })).toMatchObject({ ok: false });
    await expect(api.rateReview({ session, skillId: SKILL, rating: 4 })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/has questions to answer/),
    });
    expect((await log()).reviews).toBe(0);
  });

  it('takes the learner’s own rating for a mastered skill without any quiz item, and says so', async () => {
    // A second skill, with no quiz item: the exercise practises it, and mastering it takes exercises alone.
    const packs = writeQuizPackFixture();
    const manifestFile = join(packs, 'demo', 'pack.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      skills: { id: string; title: string }[];
      modules: { exercises?: { skills: string[] }[] }[];
    };
    manifest.skills.push({ id: 'naming', title: 'Naming things' });
    manifest.modules[1]!.exercises![0]!.skills = ['naming'];
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const { api, session, record, log } = await start(packs);
    const submitted = (minute: number): RecordInput => ({
      type: 'ExerciseSubmitted',
      timestamp: at(10, minute),
      data: {
        exerciseId: 'demo/count-down',
        codeHash: 'a'.repeat(64),
        tests: [{ name: 't', status: 'pass' }],
        durationMs: 1000,
        hintsUsed: 0,
        skills: ['demo/naming'],
      },
    });
    await record([submitted(0), submitted(1), submitted(2)]);
    expect(await api.getReviewQuestion({ session, skillId: 'demo/naming' })).toEqual({
      skillId: 'demo/naming',
      title: 'Naming things',
      question: null,
    });
    const rated = await api.rateReview({ session, skillId: 'demo/naming', rating: 3 });
    expect(Date.parse(rated.nextDue)).toBeGreaterThan(NOW.getTime());
    expect((await log()).reviews).toBe(1);
  });
});

describe('bad review inputs', () => {
  it.each([
    ['an unknown skill', { skillId: 'demo/nothing' }, 'not-found'],
    ['a skill not yet in review', { skillId: 'demo/loops', unmastered: true }, 'invalid-input'],
    ['an item that does not exist', { itemId: 'demo/nope' }, 'not-found'],
    ['an item that is not a quiz item of the skill', { itemId: 'demo/count-down' }, 'not-found'],
    ['an answer of the wrong shape for the item', { answer: 'many' }, 'invalid-input'],
    ['an answer of no type the contract knows', { answer: { a: 1 } }, 'invalid-input'],
    ['a time as text', { timeSpentMs: '4000' }, 'invalid-input'],
    ['a negative time', { timeSpentMs: -1 }, 'invalid-input'],
    ['a skill id as a number', { skillId: 42 }, 'invalid-input'],
    ['a huge skill id', { skillId: `demo/${'x'.repeat(5000)}` }, 'invalid-input'],
    ['an unexpected key', { rating: 4 }, 'invalid-input'],
  ])('refuses %s with a clear error and records nothing', async (_, input, code) => {
    const { bridge, session, master, log } = await start();
    const { unmastered, ...rest } = input as Record<string, unknown>;
    if (!unmastered) await master();
    const before = await log();
    const result = await bridge.answerReview({
      session,
      skillId: SKILL,
      itemId: 'demo/loop-count',
      answer: 3,
      timeSpentMs: 4000,
      ...rest,
    });
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    expect(await log()).toEqual(before);
  });

  it('refuses a question for an unknown skill', async () => {
    const { api, session } = await start();
    await expect(api.getReviewQuestion({ session, skillId: 'demo/nothing' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('desired retention', () => {
  it('defaults to 0.9, keeps 0.70 to 0.97, and refuses anything else without changing it', async () => {
    const { api, session } = await start();
    expect((await api.getUserPreferences({ session })).desiredRetention).toBe(0.9);
    expect((await api.updatePreferences({ session, preferences: { desiredRetention: 0.7 } })).desiredRetention).toBe(
      0.7,
    );
    expect((await api.updatePreferences({ session, preferences: { desiredRetention: 0.97 } })).desiredRetention).toBe(
      0.97,
    );
    for (const bad of [0.69, 0.98, 1, 0, -0.9, Number.NaN, '0.9', null]) {
      await expect(
        api.updatePreferences({ session, preferences: { desiredRetention: bad as number } }),
      ).rejects.toMatchObject({ code: 'invalid-input' });
    }
    expect((await api.getUserPreferences({ session })).desiredRetention).toBe(0.97);
  });

  it('spaces reviews further apart the less a learner asks to retain', async () => {
    const dueWith = async (desiredRetention: number) => {
      const { api, session, master } = await start();
      await api.updatePreferences({ session, preferences: { desiredRetention } });
      await master();
      const question = (await api.getReviewQuestion({ session, skillId: SKILL })).question!;
      const result = await api.answerReview({
        session,
        skillId: SKILL,
        itemId: question.id,
        answer: [0, 2, 3],
        timeSpentMs: 15_000,
      });
      expect(result.rating).toBe(3);
      return Date.parse(result.nextDue);
    };
    const [low, mid, high] = [await dueWith(0.75), await dueWith(0.9), await dueWith(0.97)];
    expect(low).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(high);
  });
});

describe('the review forecast', () => {
  it('counts reviews per local day, overdue ones today, and only within the window', () => {
    const now = new Date('2026-03-01T23:30:00.000Z');
    const dues = [
      '2026-02-20T10:00:00.000Z', // overdue: today
      '2026-03-01T23:50:00.000Z', // later today in UTC
      '2026-03-02T00:10:00.000Z', // tomorrow in UTC
      '2026-03-03T08:00:00.000Z',
      '2026-03-03T09:00:00.000Z',
      '2026-04-15T09:00:00.000Z', // past 30 days
    ];
    const utc = forecastDays(dues, now, 30, 0);
    expect(utc).toHaveLength(30);
    expect(utc.slice(0, 3)).toEqual([
      { day: '2026-03-01', due: 2 },
      { day: '2026-03-02', due: 1 },
      { day: '2026-03-03', due: 2 },
    ]);
    expect(utc.reduce((n, d) => n + d.due, 0)).toBe(5);
    // An hour east of UTC (offset -60): 23:30 UTC is already the 2nd, so both evening dues are today.
    const east = forecastDays(dues, now, 3, -60);
    expect(east).toEqual([
      { day: '2026-03-02', due: 3 },
      { day: '2026-03-03', due: 2 },
      { day: '2026-03-04', due: 0 },
    ]);
  });

  it('measures retention as the share of reviews not rated Again', () => {
    expect(measuredRetention([])).toEqual({ reviews: 0, recalled: 0, share: null });
    expect(measuredRetention([1, 2, 3, 4])).toEqual({ reviews: 4, recalled: 3, share: 0.75 });
  });

  it('forecasts the learner’s scheduled reviews through the API, and refuses bad windows', async () => {
    const { api, bridge, session, master } = await start();
    expect((await api.getReviewForecast({ session, days: 30 })).total).toBe(0);
    await master();
    const forecast = await api.getReviewForecast({ session, days: 30 });
    expect(forecast).toMatchObject({ total: 1, desiredRetention: 0.9 });
    expect(forecast.days[0]).toEqual({ day: '2026-03-01', due: 1 });
    for (const days of [0, 366, 1.5, '30']) {
      expect(await bridge.getReviewForecast({ session, days })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
  });
});
