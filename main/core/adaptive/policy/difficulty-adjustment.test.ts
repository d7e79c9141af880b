import { describe, expect, it } from 'vitest';
import { SHIPPED_PACKS, startLearner } from '../testing/start-learner.js';

/** Quiz answers on the demo pack's difficulty-3 item, oldest first. */
const answers = (...results: boolean[]) =>
  results.map((correct, i) => ({
    type: 'QuizAnswered' as const,
    timestamp: new Date(Date.UTC(2026, 0, 10, 9, i)).toISOString(),
    data: { quizItemId: 'demo/loop-count', correct, answer: '3', timeSpentMs: 20_000 },
  }));

describe('adjustDifficulty', () => {
  it('starts a learner without answers at the hardest level still predicted inside their band', async () => {
    const { api, session } = await startLearner();
    expect(await api.adjustDifficulty({ session })).toEqual({
      direction: 'same',
      targetDifficulty: 2,
      observedSuccess: null,
      attempts: 0,
      band: { low: 0.7, high: 0.85 },
      reason: 'No answers yet: start at difficulty 2 of 5, where a newcomer gets about 73% right.',
      reasonI18n: { key: 'difficulty-start', params: { level: 2, percent: 73 } },
    });
    await api.updatePreferences({ session, preferences: { targetSuccess: { low: 0.5, high: 0.6 } } });
    expect(await api.adjustDifficulty({ session })).toMatchObject({ targetDifficulty: 4, band: { low: 0.5 } });
  });

  it('goes easier after failures and harder after a run of successes, one level from what was tried', async () => {
    const { api, session, record } = await startLearner();
    await record(answers(false, true, false, false, false, false));
    const easier = await api.adjustDifficulty({ session });
    expect(easier).toMatchObject({ direction: 'easier', targetDifficulty: 2, attempts: 6 });
    expect(easier.observedSuccess).toBeCloseTo(1 / 6);
    expect(easier.reason).toBe(
      'You got 1 of your last 6 answers right (17%), below your target of 70–85%: easier exercises (difficulty 2 of 5) will get you back on track.',
    );

    // Ten right in a row push the failures out of the window of the last ten answers.
    await record(answers(...Array<boolean>(16).fill(true)).slice(6));
    const harder = await api.adjustDifficulty({ session });
    expect(harder).toMatchObject({ direction: 'harder', targetDifficulty: 4, attempts: 10, observedSuccess: 1 });
    expect(harder.reason).toMatch(/10 of your last 10 answers right \(100%\), above your target of 70–85%/);
  });

  it('counts an exercise submission as right only when every test passed', async () => {
    const { api, session, record } = await startLearner();
    const submission = (status: 'pass' | 'fail') => ({
      type: 'ExerciseSubmitted' as const,
      data: {
        exerciseId: 'demo/count-down',
        codeHash: 'a'.repeat(64),
        tests: [
          { name: 'a', status: 'pass' as const },
          { name: 'b', status },
        ],
        durationMs: 300,
        hintsUsed: 0,
        skills: [],
      },
    });
    await record([1, 2, 3, 4, 5].map(() => submission('fail')));
    expect(await api.adjustDifficulty({ session })).toMatchObject({
      direction: 'easier',
      observedSuccess: 0,
      targetDifficulty: 1,
    });
  });

  it('keeps the level inside the band, and the band is the learner’s own', async () => {
    const { api, session, record } = await startLearner();
    await record(answers(true, true, false, true, true, true, true, false, true, true));
    expect(await api.adjustDifficulty({ session })).toMatchObject({
      direction: 'same',
      targetDifficulty: 3,
      observedSuccess: 0.8,
    });
    await api.updatePreferences({ session, preferences: { targetSuccess: { low: 0.85, high: 0.95 } } });
    expect(await api.adjustDifficulty({ session })).toMatchObject({ direction: 'easier', targetDifficulty: 2 });
    await api.updatePreferences({ session, preferences: { targetSuccess: { low: 0.6, high: 0.75 } } });
    const harder = await api.adjustDifficulty({ session });
    expect(harder).toMatchObject({ direction: 'harder', band: { low: 0.6, high: 0.75 } });
    expect(harder.reason).toMatch(/above your target of 60–75%/);
  });

  it('waits for five answers before moving, and takes results passed in over the recorded ones', async () => {
    const { api, session, record } = await startLearner();
    await record(answers(false, false));
    expect(await api.adjustDifficulty({ session })).toMatchObject({
      direction: 'same',
      attempts: 2,
      reason:
        'You got 0 of your last 2 answers right (0%): too few to judge, so stay at difficulty 3 of 5 until there are 5.',
    });
    expect(
      await api.adjustDifficulty({ session, performance: { correct: 9, attempts: 9, difficulty: 5 } }),
    ).toMatchObject({ direction: 'harder', targetDifficulty: 5, attempts: 9, observedSuccess: 1 });
  });
});

describe('the target band preference', () => {
  it('defaults to 70–85%, is set whole, and refuses a band outside 50–95% or upside down', async () => {
    const { api, session } = await startLearner();
    expect((await api.getUserPreferences({ session })).targetSuccess).toEqual({ low: 0.7, high: 0.85 });
    const saved = await api.updatePreferences({ session, preferences: { targetSuccess: { low: 0.6, high: 0.9 } } });
    expect(saved.targetSuccess).toEqual({ low: 0.6, high: 0.9 });
    // Other preferences keep their values when the band changes, and the band when they change.
    expect((await api.updatePreferences({ session, preferences: { fontSize: 20 } })).targetSuccess).toEqual({
      low: 0.6,
      high: 0.9,
    });
    for (const targetSuccess of [
      { low: 0.9, high: 0.8 },
      { low: 0.8, high: 0.8 },
      { low: 0.4, high: 0.8 },
      { low: 0.7, high: 0.99 },
    ]) {
      await expect(api.updatePreferences({ session, preferences: { targetSuccess } })).rejects.toMatchObject({
        code: 'invalid-input',
      });
    }
    expect((await api.getUserPreferences({ session })).targetSuccess).toEqual({ low: 0.6, high: 0.9 });
  });

  it('steers recommendNextExercise toward the learner’s band', async () => {
    const { api, session } = await startLearner({ packsDir: SHIPPED_PACKS });
    for (const lessonId of ['python-foundations/numbers-and-math', 'python-foundations/working-with-strings']) {
      await api.trackProgress({ session, event: { type: 'LessonCompleted', data: { lessonId, timeSpentMs: 1000 } } });
    }
    // Difficulty 1 is predicted at about 82% for a newcomer, difficulty 2 at about 73%.
    expect(await api.recommendNextExercise({ session })).toMatchObject({
      contentId: 'python-foundations/split-the-bill',
    });
    await api.updatePreferences({ session, preferences: { targetSuccess: { low: 0.72, high: 0.8 } } });
    expect(await api.recommendNextExercise({ session })).toMatchObject({
      contentId: 'python-foundations/clock-time',
    });
  });
});
