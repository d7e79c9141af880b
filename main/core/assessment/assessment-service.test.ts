import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../common/contract/assessments.js';
import { createApiClient } from '../../../common/contract/bridge.js';
import type { QuizAnswer } from '../../../common/contract/quiz.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';
import { writeQuizPackFixture } from './testing/quiz-fixture.js';

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

/** The fixture's loops quiz: a right answer for each item, and the text that would give each away. */
const RIGHT: Record<string, QuizAnswer> = {
  'demo/range-stop': 1,
  'demo/falsy-values': [0, 2, 3],
  'demo/loop-count': 3,
  'demo/half-second': 0.5,
  'demo/no-return': 'None',
  'demo/cafe-word': 'café',
};
const WRONG: Record<string, QuizAnswer> = {
  'demo/range-stop': 0,
  'demo/falsy-values': [1],
  'demo/loop-count': 7,
  'demo/half-second': 9,
  'demo/no-return': 'nil',
  'demo/cafe-word': 'tea',
};
const SECRETS = ['explanation', 'stops before', 'yields 0, 1 and 2', 'accent', 'correct', 'expected', 'tolerance'];

async function start(dataDir = mkdtempSync(join(tmpdir(), 'assess-')), packs = writeQuizPackFixture()) {
  const clock = { now: new Date('2026-05-01T09:00:00.000Z') };
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: packs,
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
  });
  opened.push(core);
  const bridge = localBridge(core);
  const api = createApiClient(bridge);
  const learners = await api.listLearners();
  const { session } = learners[0]
    ? await api.openLearnerSession({ learnerId: learners[0].id })
    : await api.createLearner({ profile: { displayName: 'Ada' } });
  const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
  const answer = (state: Assessment, value: QuizAnswer, timeSpentMs = 2000) =>
    api.answerAssessmentItem({
      session,
      assessmentId: state.assessmentId,
      itemId: state.question!.id,
      answer: value,
      timeSpentMs,
    });
  const logged = async () => {
    const { file } = await api.exportLearner({ session });
    return readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as { type: string; timestamp: string; data: Record<string, unknown> });
  };
  return { core, bridge, api, session, clock, advance, answer, logged, dataDir, packs };
}

describe('an adaptive test', () => {
  it('asks one item at a time and says nothing of how the answers went until it ends', async () => {
    const { api, session, answer, logged } = await start();
    let state = await api.generateAssessment({ session, topicId: 'demo/loops', maxItems: 4 });
    expect(state).toMatchObject({
      kind: 'adaptive',
      topicId: 'demo/loops',
      title: 'Loops: adaptive test',
      status: 'in-progress',
      answered: 0,
      maxItems: 4,
      deadline: null,
      timeLeftMs: null,
    });
    const wires: string[] = [];
    const asked: string[] = [];
    while (state.status === 'in-progress') {
      wires.push(
        JSON.stringify(state),
        JSON.stringify(await api.getAssessment({ session, assessmentId: state.assessmentId })),
      );
      asked.push(state.question!.id);
      state = await answer(state, asked.length % 2 ? RIGHT[state.question!.id]! : WRONG[state.question!.id]!);
      if (state.status === 'in-progress') {
        // Neither the answers so far nor the ability show in the progress record before the end.
        expect((await api.getUserProgress({ session })).quizItems).toEqual([]);
        expect(await logged()).toEqual([]);
        expect((await api.listAssessments({ session }))[0]).toMatchObject({ correct: null, ability: null });
      }
    }
    for (const wire of wires) for (const secret of SECRETS) expect(wire).not.toContain(secret);
    expect(new Set(asked).size).toBe(4);
    expect(state).toMatchObject({ status: 'ended', endReason: 'max-length', answered: 4, question: null });

    const report = await api.evaluateAssessment({ session, assessmentId: state.assessmentId });
    expect(report).toMatchObject({ answered: 4, correct: 2, endReason: 'max-length' });
    expect(report.items.map((i) => i.question.id)).toEqual(asked);
    expect(report.items[0]).toMatchObject({
      correct: true,
      explanation: expect.any(String),
      expected: expect.any(String),
    });
    expect(report.standardError).toBeGreaterThan(0);
    expect(report.skills).toEqual([
      expect.objectContaining({ skillId: 'demo/loops', title: 'Loops', answered: 4, correct: 2 }),
    ]);
    // Now the answers feed mastery, at the times they were given, with AssessmentCompleted.
    const events = await logged();
    expect(events.map((e) => e.type)).toEqual([...asked.map(() => 'QuizAnswered'), 'AssessmentCompleted']);
    expect(events.at(-1)!.data).toEqual({ assessmentId: state.assessmentId, score: 2, total: 4 });
    expect((await api.getProgressSummary({ session })).mastery).toEqual([
      { skillId: 'demo/loops', title: 'Loops', correct: 2, attempts: 4 },
    ]);
    // Evaluating again returns the same report and records nothing more.
    expect(await api.evaluateAssessment({ session, assessmentId: state.assessmentId })).toEqual(report);
    expect(await logged()).toHaveLength(5);
  });

  it('is left and resumed, by a new app on the same data, at the same question', async () => {
    const first = await start();
    let state = await first.api.generateAssessment({ session: first.session, topicId: 'demo/loops' });
    state = await first.answer(state, RIGHT[state.question!.id]!);
    const asked = state.question!.id;
    await first.core.close();
    opened.splice(opened.indexOf(first.core), 1);

    const again = await start(first.dataDir, first.packs);
    const list = await again.api.listAssessments({ session: again.session });
    expect(list).toMatchObject([{ assessmentId: state.assessmentId, status: 'in-progress', answered: 1 }]);
    const resumed = await again.api.getAssessment({ session: again.session, assessmentId: state.assessmentId });
    expect(resumed).toMatchObject({ answered: 1, status: 'in-progress', question: { id: asked } });
  });

  it('ends at the target standard error once it is reached', async () => {
    const { api, session, answer } = await start();
    // A loose target: three answers (the minimum) are enough.
    let state = await api.generateAssessment({ session, topicId: 'demo/loops', targetSe: 1, maxItems: 6 });
    for (let i = 0; i < 3; i++) state = await answer(state, RIGHT[state.question!.id]!);
    expect(state).toMatchObject({ status: 'ended', endReason: 'precise', answered: 3 });
  });
});

describe('the time limit', () => {
  it('is the core’s: an answer after the deadline is refused, not counted, and the assessment ends', async () => {
    const { api, session, answer, advance, logged } = await start();
    let state = await api.generateAssessment({ session, topicId: 'demo/loops', timeLimitMinutes: 5 });
    expect(state.deadline).toBe('2026-05-01T09:05:00.000Z');
    expect(state.timeLeftMs).toBe(300_000);
    advance(4 * 60_000);
    state = await answer(state, RIGHT[state.question!.id]!);
    expect(state).toMatchObject({ status: 'in-progress', answered: 1, timeLeftMs: 60_000 });
    // At the deadline itself an answer still counts; a millisecond later it does not.
    advance(60_000);
    state = await answer(state, WRONG[state.question!.id]!);
    expect(state).toMatchObject({ answered: 2, timeLeftMs: 0 });
    advance(1);
    await expect(answer(state, RIGHT[state.question!.id]!)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Time is up'),
    });
    const ended = await api.getAssessment({ session, assessmentId: state.assessmentId });
    expect(ended).toMatchObject({ status: 'ended', endReason: 'time-up', answered: 2, question: null, timeLeftMs: 0 });
    const report = await api.evaluateAssessment({ session, assessmentId: state.assessmentId });
    expect(report).toMatchObject({ endReason: 'time-up', answered: 2, correct: 1 });
    expect((await logged()).map((e) => e.type)).toEqual(['QuizAnswered', 'QuizAnswered', 'AssessmentCompleted']);
  });

  it('ends an assessment nobody touched at its deadline when it is next opened or listed', async () => {
    const { api, session, advance } = await start();
    const state = await api.generateAssessment({ session, topicId: 'demo/loops', kind: 'fixed', timeLimitMinutes: 1 });
    advance(61_000);
    expect(await api.listAssessments({ session })).toMatchObject([{ status: 'ended', answered: 0 }]);
    const report = await api.evaluateAssessment({ session, assessmentId: state.assessmentId });
    expect(report).toMatchObject({ endReason: 'time-up', answered: 0, items: [] });
  });
});

describe('a fixed form', () => {
  it('asks the picked items in their order, then ends; handing in early ends it too', async () => {
    const { api, session, answer } = await start();
    const picked = ['demo/no-return', 'demo/range-stop', 'demo/loop-count'];
    let state = await api.generateAssessment({ session, topicId: 'demo', kind: 'fixed', itemIds: picked });
    expect(state).toMatchObject({ kind: 'fixed', title: 'Demo pack: test', maxItems: 3 });
    const asked: string[] = [];
    while (state.status === 'in-progress') {
      asked.push(state.question!.id);
      state = await answer(state, RIGHT[state.question!.id]!);
    }
    expect(asked).toEqual(picked);
    expect(state.endReason).toBe('all-asked');

    const early = await api.generateAssessment({ session, topicId: 'demo/loops', kind: 'fixed', maxItems: 4 });
    await answer(early, RIGHT[early.question!.id]!);
    const report = await api.evaluateAssessment({ session, assessmentId: early.assessmentId });
    expect(report).toMatchObject({ endReason: 'handed-in', answered: 1, correct: 1 });
    await expect(answer(early, 1)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('a test the pack ships', () => {
  it('is listed for the pack and taken with its own items, order and time limit', async () => {
    const packs = writeQuizPackFixture({
      assessments: [{ id: 'final', title: 'Final test', items: ['no-return', 'range-stop'], timeLimitMinutes: 12 }],
    });
    const { api, bridge, session, answer } = await start(undefined, packs);
    expect(await api.listAssessmentForms({ session, topicId: 'demo' })).toEqual([
      { formId: 'final', title: 'Final test', items: 2, timeLimitMinutes: 12 },
    ]);
    expect(await api.listAssessmentForms({ session, topicId: 'demo/loops' })).toEqual([]);
    let state = await api.generateAssessment({ session, topicId: 'demo', formId: 'final' });
    expect(state).toMatchObject({
      kind: 'fixed',
      title: 'Demo pack: Final test',
      maxItems: 2,
      timeLeftMs: 12 * 60_000,
    });
    expect(state.question!.id).toBe('demo/no-return');
    state = await answer(state, 'None');
    expect(state.question!.id).toBe('demo/range-stop');
    for (const [fields, code] of [
      [{ formId: 'nope' }, 'not-found'],
      [{ topicId: 'demo/loops', formId: 'final' }, 'not-found'],
      [{ formId: 'final', itemIds: ['demo/cafe-word'] }, 'invalid-input'],
    ] as const) {
      expect(await bridge.generateAssessment({ session, topicId: 'demo', ...fields })).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    expect(await api.listAssessments({ session })).toHaveLength(1);
  });
});

describe('a running test’s items elsewhere', () => {
  it('cannot be answered in a quiz or a review, which would show their keys, until the test ends', async () => {
    const { api, session, answer } = await start();
    const picked = ['demo/range-stop', 'demo/loop-count', 'demo/no-return'];
    let state = await api.generateAssessment({ session, topicId: 'demo/loops', kind: 'fixed', itemIds: picked });
    state = await answer(state, RIGHT['demo/range-stop']!);
    const quiz = (itemId: string) =>
      api.answerQuizItem({ session, moduleId: 'demo/loops', itemId, answer: RIGHT[itemId]!, timeSpentMs: 1 });
    // Answered already, and asked now: refused, and nothing recorded.
    for (const itemId of ['demo/range-stop', 'demo/loop-count']) {
      await expect(quiz(itemId)).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('part of a test you have not finished'),
      });
    }
    await expect(
      api.answerReview({ session, skillId: 'demo/loops', itemId: 'demo/loop-count', answer: 3, timeSpentMs: 1 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await api.getUserProgress({ session })).quizItems).toEqual([]);
    // An item the test has not asked is the quiz's as ever; another learner is not held back.
    await expect(quiz('demo/cafe-word')).resolves.toMatchObject({ correct: true });
    const other = await api.createLearner({ profile: { displayName: 'Kai' } });
    await expect(
      api.answerQuizItem({
        session: other.session,
        moduleId: 'demo/loops',
        itemId: 'demo/range-stop',
        answer: 1,
        timeSpentMs: 1,
      }),
    ).resolves.toMatchObject({ correct: true });
    await api.evaluateAssessment({ session, assessmentId: state.assessmentId });
    await expect(quiz('demo/range-stop')).resolves.toMatchObject({ correct: true, explanation: expect.any(String) });
  });
});

describe('bad input', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an empty answer', { answer: '' }, 'invalid-input'],
    ['a huge answer', { answer: 'x'.repeat(501) }, 'invalid-input'],
    ['a lone surrogate', { answer: 'None\ud800' }, 'invalid-input'],
    ['an object for an answer', { answer: { value: 1 } }, 'invalid-input'],
    ['a negative time', { timeSpentMs: -5 }, 'invalid-input'],
    ['a claimed verdict', { correct: true }, 'invalid-input'],
    ['a question not asked now', { itemId: 'demo/not-the-one' }, 'conflict'],
    ['a malformed assessment id', { assessmentId: '../../etc' }, 'invalid-input'],
    ['an unknown assessment', { assessmentId: '5b0cf2a6-0b53-4d43-9a6f-0c1b9a1b2c3d' }, 'not-found'],
  ])('refuses %s and records nothing', async (_name, fields, code) => {
    const { api, bridge, session } = await start();
    const state = await api.generateAssessment({ session, topicId: 'demo/loops', kind: 'fixed' });
    // The fixed form's first item is a choice; a text answer of any kind is refused for it.
    const result = await bridge.answerAssessmentItem({
      session,
      assessmentId: state.assessmentId,
      itemId: state.question!.id,
      answer: 'None',
      timeSpentMs: 1000,
      ...fields,
    });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await api.getAssessment({ session, assessmentId: state.assessmentId })).toEqual(state);
  });

  it('refuses another learner’s assessment as unknown', async () => {
    const { api, session } = await start();
    const state = await api.generateAssessment({ session, topicId: 'demo/loops' });
    const other = await api.createLearner({ profile: { displayName: 'Eve' } });
    for (const call of [
      api.getAssessment({ session: other.session, assessmentId: state.assessmentId }),
      api.evaluateAssessment({ session: other.session, assessmentId: state.assessmentId }),
      api.answerAssessmentItem({
        session: other.session,
        assessmentId: state.assessmentId,
        itemId: state.question!.id,
        answer: 1,
        timeSpentMs: 1,
      }),
    ]) {
      await expect(call).rejects.toMatchObject({ code: 'not-found' });
    }
    expect(await api.listAssessments({ session: other.session })).toEqual([]);
    expect(await api.getAssessment({ session, assessmentId: state.assessmentId })).toEqual(state);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an unknown topic', { topicId: 'nowhere' }, 'not-found', /No installed pack or module "nowhere"/],
    ['an unknown module', { topicId: 'demo/nowhere' }, 'not-found', /No installed/],
    ['a module without a quiz', { topicId: 'demo/basics' }, 'not-found', /no quiz items/],
    ['a malformed topic', { topicId: 'Demo Pack!' }, 'invalid-input', /a topic is a pack id/],
    [
      'an item named twice',
      { kind: 'fixed', itemIds: ['demo/loop-count', 'demo/loop-count'] },
      'invalid-input',
      /twice/,
    ],
    [
      'an item of another topic',
      { kind: 'fixed', itemIds: ['demo/hello'] },
      'invalid-input',
      /no quiz item "demo\/hello"/,
    ],
    ['no items', { kind: 'fixed', itemIds: [] }, 'invalid-input', /itemIds/],
    ['an unknown kind', { kind: 'oral' }, 'invalid-input', /kind/],
    ['a zero time limit', { timeLimitMinutes: 0 }, 'invalid-input', /timeLimitMinutes/],
    ['a fractional time limit', { timeLimitMinutes: 1.5 }, 'invalid-input', /timeLimitMinutes/],
    ['a target SE of zero', { targetSe: 0 }, 'invalid-input', /targetSe/],
    ['too many items', { maxItems: 101 }, 'invalid-input', /maxItems/],
  ])('refuses to start on %s, and starts nothing', async (_name, fields, code, message) => {
    const { api, bridge, session } = await start();
    const result = await bridge.generateAssessment({ session, topicId: 'demo/loops', ...fields });
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(await api.listAssessments({ session })).toEqual([]);
  });
});
