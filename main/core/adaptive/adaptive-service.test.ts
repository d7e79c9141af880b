import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import type { RecordInput } from '../../../common/contract/progress.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';

const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => void core.close()));

async function start(source = writePackFixture()) {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'predict-')),
    appVersion: '1.0.0',
    bundledPacksDir: dirname(source),
    logger: pino({ level: 'silent' }),
  });
  opened.push(core);
  const api = createApiClient(localBridge(core));
  const { session } = await api.createLearner({ profile: { displayName: 'Pia' } });
  const record = (events: RecordInput[]) => core.recordProgress(session, events);
  return { api, session, core, record };
}

describe('predictPerformance', () => {
  it('answers from the content difficulty alone, with no confidence, for a learner with no history', async () => {
    const { api, session } = await start();
    const easy = await api.predictPerformance({ session, contentId: 'demo/range-stop' });
    const hard = await api.predictPerformance({ session, contentId: 'demo/loop-count' });
    expect(easy).toMatchObject({ confidence: 0, attempts: 0, model: 'pooled PFA' });
    expect(easy.probability).toBeGreaterThan(hard.probability);
  });

  it('moves with the learner’s answers on the content’s skills and grows more confident', async () => {
    const { api, session, record } = await start();
    const before = await api.predictPerformance({ session, contentId: 'demo/count-down' });
    const answer = (correct: boolean) => ({
      type: 'QuizAnswered' as const,
      data: { quizItemId: 'demo/range-stop', correct, answer: 'x', timeSpentMs: 1000 },
    });
    await record([answer(true), answer(true), answer(true)]);
    const after = await api.predictPerformance({ session, contentId: 'demo/count-down' });
    expect(after.probability).toBeGreaterThan(before.probability);
    expect(after).toMatchObject({ attempts: 3, correct: 3 });
    expect(after.confidence).toBeGreaterThan(before.confidence);
    await record([answer(false), answer(false), answer(false), answer(false)]);
    expect((await api.predictPerformance({ session, contentId: 'demo/count-down' })).probability).toBeLessThan(
      after.probability,
    );
  });

  it('refuses an unknown content id', async () => {
    const { api, session } = await start();
    await expect(api.predictPerformance({ session, contentId: 'demo/no-such-thing' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('recommendNextExercise', () => {
  it('recommends an open exercise with a reason, explains misses, and has nothing left once all are done', async () => {
    const { api, session, core, record } = await start();
    const first = await api.recommendNextExercise({ session });
    expect(first).toMatchObject({ kind: 'exercise', contentId: 'demo/count-down', title: 'Count down' });
    expect(first!.reason).toMatch(/not practised loops yet.*difficulty 2 of 5/);

    const miss = {
      type: 'QuizAnswered' as const,
      data: { quizItemId: 'demo/loop-count', correct: false, answer: '2', timeSpentMs: 1000 },
    };
    await record([miss, miss, { ...miss, data: { ...miss.data, correct: true } }]);
    const after = await api.recommendNextExercise({ session });
    expect(after!.reason).toMatch(/You missed 2 of 3 on loops; this one is pitched within reach \(about \d+% likely/);

    await core.recordProgress(session, [{ type: 'ExerciseCompleted', data: { exerciseId: 'demo/count-down' } }]);
    expect(await api.recommendNextExercise({ session })).toBeNull();
  });

  it('sends the learner through the lessons in teaching order while every exercise waits on one', async () => {
    const source = writePackFixture();
    const manifest = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8'));
    manifest.modules[1].exercises[0].requires = ['for-loops'];
    writeFileSync(join(source, 'pack.json'), JSON.stringify(manifest));
    const { api, session } = await start(source);
    const done = (lessonId: string) =>
      api.trackProgress({ session, event: { type: 'LessonCompleted', data: { lessonId, timeSpentMs: 1000 } } });
    expect(await api.recommendNextExercise({ session })).toMatchObject({
      kind: 'lesson',
      contentId: 'demo/hello',
      reason: 'Read “Hello” first: the next exercises build on it.',
    });
    await done('demo/hello');
    await done('demo/names');
    expect(await api.recommendNextExercise({ session })).toMatchObject({ kind: 'lesson', contentId: 'demo/for-loops' });
    await done('demo/for-loops');
    expect(await api.recommendNextExercise({ session })).toMatchObject({
      kind: 'exercise',
      contentId: 'demo/count-down',
    });
  });
});

describe('spaced review (FSRS)', () => {
  it('schedules a skill once mastered, and a good review pushes it further out than a lapse', async () => {
    const { api, session, record } = await start();
    expect(await api.getReviewSchedule({ session })).toEqual([]);
    const right = (minute: number) => ({
      type: 'QuizAnswered' as const,
      timestamp: new Date(Date.UTC(2026, 0, 10, 9, minute)).toISOString(),
      data: { quizItemId: 'demo/range-stop', correct: true, answer: '4', timeSpentMs: 1000 },
    });
    await record([right(0), right(1)]);
    expect(await api.getReviewSchedule({ session })).toEqual([]);
    await record([right(2)]);
    const [first] = await api.getReviewSchedule({ session });
    expect(first).toMatchObject({ skillId: 'demo/loops', title: 'Loops', reviews: 0 });
    expect(Date.parse(first!.due)).toBeGreaterThan(Date.UTC(2026, 0, 10, 9, 2));

    const review = (rating: number) => ({
      type: 'ReviewDone' as const,
      timestamp: first!.due,
      data: { skillId: 'demo/loops', rating },
    });
    const good = await start();
    // The same history for a second learner, then a good review; for the first, a lapse.
    await good.record([right(0), right(1), right(2), review(3)]);
    await record([review(1)]);
    const [afterGood] = await good.api.getReviewSchedule({ session: good.session });
    const [afterLapse] = await api.getReviewSchedule({ session });
    expect(afterGood!.reviews).toBe(1);
    expect(Date.parse(afterGood!.due)).toBeGreaterThan(Date.parse(afterLapse!.due));
  });
});
