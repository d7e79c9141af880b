import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import type { QuizAnswer } from '../../../common/contract/quiz.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';
import { writeQuizPackFixture } from './testing/quiz-fixture.js';

const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => void core.close()));

const MODULE = 'demo/loops';

async function start() {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'quiz-')),
    appVersion: '1.0.0',
    bundledPacksDir: writeQuizPackFixture(),
    logger: pino({ level: 'silent' }),
  });
  opened.push(core);
  // Through the contract, as every face calls it.
  const bridge = localBridge(core);
  const api = createApiClient(bridge);
  const { session } = await api.createLearner({ profile: { displayName: 'Quinn' } });
  const answer = (itemId: string, value: QuizAnswer, moduleId = MODULE) =>
    api.answerQuizItem({ session, moduleId, itemId: `demo/${itemId}`, answer: value, timeSpentMs: 4000 });
  const recorded = async () => (await api.getUserProgress({ session })).quizItems;
  return { core, bridge, api, session, answer, recorded };
}

describe('a module quiz', () => {
  it('lists every item in order without its answers or explanation', async () => {
    const { api, session } = await start();
    const quiz = await api.getQuiz({ session, moduleId: MODULE });
    expect(quiz).toMatchObject({ moduleId: MODULE, moduleTitle: 'Loops', only: 'all', totalItems: 6 });
    expect(quiz.items.map((i) => [i.id, i.kind])).toEqual([
      ['demo/range-stop', 'choice'],
      ['demo/falsy-values', 'choice'],
      ['demo/loop-count', 'numeric'],
      ['demo/half-second', 'numeric'],
      ['demo/no-return', 'short'],
      ['demo/cafe-word', 'short'],
    ]);
    expect(quiz.items[0]).toEqual({
      id: 'demo/range-stop',
      kind: 'choice',
      prompt: 'What is the last number range(1, 5) yields?',
      choices: ['5', '4', '1'],
      multiple: false,
      difficulty: 1,
      skills: ['demo/loops'],
    });
    expect(quiz.items[1]).toMatchObject({ multiple: true });
    // Nothing on the wire gives an answer away.
    const wire = JSON.stringify(quiz);
    for (const secret of ['answer', 'explanation', 'tolerance', 'café', 'stops before', 'accent']) {
      expect(wire).not.toContain(secret);
    }
  });

  it('refuses a module that is not installed, a malformed one and an unknown selection', async () => {
    const { api, bridge, session } = await start();
    await expect(api.getQuiz({ session, moduleId: 'demo/nowhere' })).rejects.toMatchObject({ code: 'not-found' });
    for (const input of [
      { session, moduleId: 'nowhere' },
      { session, moduleId: 42 },
      { session, moduleId: MODULE, only: 'sometimes' },
      { session, moduleId: MODULE, withAnswers: true },
    ]) {
      expect(await bridge.getQuiz(input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it.each<[string, QuizAnswer, boolean]>([
    // Single choice: the index, or a list of that one index.
    ['range-stop', 1, true],
    ['range-stop', [1], true],
    ['range-stop', 0, false],
    // Multiple choice: exactly the right set, in any order.
    ['falsy-values', [3, 0, 2], true],
    ['falsy-values', [0, 2], false],
    ['falsy-values', [0, 1, 2, 3], false],
    ['falsy-values', 0, false],
    // Numeric: a number or its text, within the tolerance.
    ['loop-count', 3, true],
    ['loop-count', ' 3 ', true],
    ['loop-count', '3.0', true],
    ['loop-count', '+3', true],
    ['loop-count', '３', true],
    ['loop-count', 3.0001, false],
    ['loop-count', -3, false],
    ['half-second', 0.55, true],
    ['half-second', '.45', true],
    ['half-second', '5e-1', true],
    ['half-second', 0.56, false],
    ['half-second', 0.44, false],
    // Short answer: normalised (NFC, whitespace, surrounding punctuation and quotes), case as the item says.
    ['no-return', 'None', true],
    ['no-return', '  None.  ', true],
    ['no-return', '`None`', true],
    ['no-return', '"None"!', true],
    ['no-return', 'none', false],
    ['no-return', 'Non e', false],
    ['no-return', 'None type', false],
    // Punctuation alone is an answer (Python's Ellipsis), graded, not refused.
    ['no-return', '...', false],
    ['cafe-word', 'café', true],
    ['cafe-word', 'cafe\u0301', true],
    ['cafe-word', 'CAFÉ', true],
    ['cafe-word', 'Cafe', true],
    ['cafe-word', '  café\t\n', true],
    ['cafe-word', 'caffè', false],
  ])('grades %s answered %j as right: %s', async (item, value, correct) => {
    const { answer, recorded } = await start();
    const result = await answer(item, value);
    expect(result.correct).toBe(correct);
    expect(await recorded()).toEqual([
      {
        quizItemId: `demo/${item}`,
        attempts: 1,
        correct: correct ? 1 : 0,
        firstCorrectAt: correct ? expect.any(String) : null,
      },
    ]);
  });

  it('returns the right answer and the explanation with every verdict', async () => {
    const { answer } = await start();
    expect(await answer('range-stop', 0)).toEqual({
      itemId: 'demo/range-stop',
      correct: false,
      expected: 'B. 4',
      correctChoices: [1],
      explanation: 'range stops before its stop value.',
    });
    expect(await answer('falsy-values', [0])).toMatchObject({
      expected: 'A. 0 and C. [] and D. None',
      correctChoices: [0, 2, 3],
    });
    expect(await answer('half-second', 1)).toMatchObject({ expected: '0.5, give or take 0.05' });
    expect(await answer('cafe-word', 'tea')).toMatchObject({
      expected: 'café (also accepted: cafe)',
      explanation: 'Café, with or without its accent.',
    });
  });

  it('records each answer as QuizAnswered with the item’s skills, so mastery and the adaptive engine see it', async () => {
    const { api, session, answer } = await start();
    const before = await api.predictPerformance({ session, contentId: 'demo/count-down' });
    await answer('range-stop', 1);
    await answer('no-return', 'None');
    await answer('loop-count', 4);
    const summary = await api.getProgressSummary({ session });
    expect(summary.mastery).toEqual([{ skillId: 'demo/loops', title: 'Loops', correct: 2, attempts: 3 }]);
    expect(summary.quizItemsCorrect).toBe(2);
    const after = await api.predictPerformance({ session, contentId: 'demo/count-down' });
    expect(after).toMatchObject({ attempts: 3, correct: 2 });
    expect(after.probability).not.toBe(before.probability);
    const file = (await api.exportLearner({ session })).file;
    const { readFileSync } = await import('node:fs');
    const events = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    expect(events.map((e) => e.data)).toEqual([
      { quizItemId: 'demo/range-stop', correct: true, answer: '1', timeSpentMs: 4000, skills: ['demo/loops'] },
      { quizItemId: 'demo/no-return', correct: true, answer: 'None', timeSpentMs: 4000, skills: ['demo/loops'] },
      { quizItemId: 'demo/loop-count', correct: false, answer: '4', timeSpentMs: 4000, skills: ['demo/loops'] },
    ]);
    expect(events.every((e) => e.type === 'QuizAnswered')).toBe(true);
  });

  it('offers the items last answered wrong for a retry, until they are answered right', async () => {
    const { api, session, answer } = await start();
    const missed = async () =>
      (await api.getQuiz({ session, moduleId: MODULE, only: 'missed' })).items.map((i) => i.id);
    expect(await missed()).toEqual([]);
    await answer('range-stop', 0);
    await answer('loop-count', 3);
    await answer('no-return', 'nil');
    expect(await missed()).toEqual(['demo/range-stop', 'demo/no-return']);
    const retry = await api.getQuiz({ session, moduleId: MODULE, only: 'missed' });
    expect(retry).toMatchObject({ only: 'missed', totalItems: 6 });
    await answer('range-stop', 1);
    expect(await missed()).toEqual(['demo/no-return']);
    // A right answer followed by a wrong one is missed again: the latest answer counts.
    await answer('loop-count', 2);
    expect(await missed()).toEqual(['demo/loop-count', 'demo/no-return']);
  });
});

describe('bad answers', () => {
  const huge = 'x'.repeat(501);
  it.each<[string, string, Record<string, unknown>, RegExp]>([
    ['an empty short answer', 'no-return', { answer: '' }, /Write an answer/],
    ['a blank short answer', 'no-return', { answer: ' \t\n ' }, /Write an answer/],
    ['a huge short answer', 'no-return', { answer: huge }, /at most 500/],
    ['a huge numeric answer', 'loop-count', { answer: '9'.repeat(501) }, /at most 500/],
    ['an answer that grows past the limit in NFC', 'no-return', { answer: '\u0958'.repeat(300) }, /at most 500/],
    ['a lone surrogate', 'no-return', { answer: 'None\ud800' }, /broken Unicode/],
    ['control characters', 'no-return', { answer: 'None\u0007' }, /control characters/],
    ['a number for a short answer', 'no-return', { answer: 7 }, /short text answer/],
    ['a list for a short answer', 'no-return', { answer: [0] }, /short text answer/],
    ['text for a choice', 'range-stop', { answer: 'B' }, /not text/],
    ['no choice', 'falsy-values', { answer: [] }, /Choose an answer/],
    ['a choice out of range', 'range-stop', { answer: 3 }, /no choice 3/],
    ['a negative choice', 'range-stop', { answer: -1 }, /no choice -1/],
    ['a fractional choice', 'range-stop', { answer: 1.5 }, /no choice 1.5/],
    ['a choice named twice', 'falsy-values', { answer: [0, 0] }, /twice/],
    ['two choices for a single-choice item', 'range-stop', { answer: [0, 1] }, /one right answer/],
    ['too many choices', 'falsy-values', { answer: [0, 1, 2, 3, 4, 5, 6, 7, 8] }, /a list of at most 8 choice indexes/],
    ['an empty numeric answer', 'loop-count', { answer: '' }, /Write an answer/],
    ['words for a number', 'loop-count', { answer: 'three' }, /not a number/],
    ['a decimal comma', 'half-second', { answer: '0,5' }, /not a number/],
    ['a list for a number', 'loop-count', { answer: [3] }, /asks for a number/],
    ['an endless number', 'loop-count', { answer: '1e999' }, /too large/],
    ['an answer of the wrong type', 'loop-count', { answer: { value: 3 } }, /an answer is a choice’s index/],
    ['no answer at all', 'loop-count', { answer: undefined }, /an answer is a choice’s index/],
    ['a boolean answer', 'range-stop', { answer: true }, /an answer is a choice’s index/],
    ['a list holding text', 'falsy-values', { answer: [0, 'C'] }, /an answer is a choice’s index/],
    ['a negative time', 'loop-count', { answer: 3, timeSpentMs: -1 }, /timeSpentMs/],
    ['a fractional time', 'loop-count', { answer: 3, timeSpentMs: 1.5 }, /timeSpentMs/],
    ['a time over a day', 'loop-count', { answer: 3, timeSpentMs: 86_400_001 }, /timeSpentMs/],
    ['a time as text', 'loop-count', { answer: 3, timeSpentMs: '4000' }, /timeSpentMs/],
    ['a claimed verdict', 'loop-count', { answer: 3, correct: true }, /correct/],
  ])('refuses %s as invalid input and records nothing', async (_name, item, fields, message) => {
    const { bridge, session, recorded } = await start();
    const result = await bridge.answerQuizItem({
      session,
      moduleId: MODULE,
      itemId: `demo/${item}`,
      timeSpentMs: 1000,
      ...fields,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(message) },
    });
    expect(await recorded()).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown item', { itemId: 'demo/no-such-item' }, 'not-found'],
    ['an item of another module', { moduleId: 'demo/basics', itemId: 'demo/range-stop' }, 'not-found'],
    ['an unknown module', { moduleId: 'demo/nowhere' }, 'not-found'],
    ['a lesson id for an item', { itemId: 'demo/hello' }, 'not-found'],
    ['a malformed item id', { itemId: '../../etc' }, 'invalid-input'],
    ['a huge item id', { itemId: `demo/${'a'.repeat(5000)}` }, 'invalid-input'],
    ['a closed session', { session: 'not-a-session-token-but-long-enough-aaaa' }, 'forbidden'],
  ])('refuses %s and records nothing', async (_name, fields, code) => {
    const { bridge, session, recorded } = await start();
    const result = await bridge.answerQuizItem({
      session,
      moduleId: MODULE,
      itemId: 'demo/range-stop',
      answer: 1,
      timeSpentMs: 1000,
      ...fields,
    });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await recorded()).toEqual([]);
  });

  it('no longer takes a face’s word for a right answer: QuizAnswered is the core’s own record', async () => {
    const { bridge, session, recorded } = await start();
    const claimed = {
      type: 'QuizAnswered',
      data: { quizItemId: 'demo/range-stop', correct: true, answer: '0', timeSpentMs: 10 },
    };
    expect(await bridge.trackProgress({ session, event: claimed })).toMatchObject({ ok: false });
    expect(await bridge.updateUserProgress({ session, events: [claimed] })).toMatchObject({ ok: false });
    expect(await recorded()).toEqual([]);
  });
});
