import { describe, expect, it } from 'vitest';
import { startLearner } from './testing/start-learner.js';

const at = (day: number, hour: number, minute = 0, second = 0) =>
  new Date(Date.UTC(2026, 0, day, hour, minute, second)).toISOString();

const answer = (timestamp: string, correct: boolean, timeSpentMs = 20_000) => ({
  type: 'QuizAnswered' as const,
  timestamp,
  data: { quizItemId: 'demo/loop-count', correct, answer: correct ? '3' : '2', timeSpentMs },
});

const submission = (timestamp: string, hintsUsed: number) => ({
  type: 'ExerciseSubmitted' as const,
  timestamp,
  data: {
    exerciseId: 'demo/count-down',
    codeHash: 'b'.repeat(64),
    tests: [{ name: 'three', status: 'fail' as const }],
    durationMs: 400,
    hintsUsed,
    skills: [],
  },
});

describe('analyzeUserPattern', () => {
  it('says there is not enough data yet for a learner without history', async () => {
    const { api, session } = await startLearner();
    const pattern = await api.analyzeUserPattern({ session });
    expect(pattern).toMatchObject({
      enoughData: false,
      attempts: 0,
      struggling: { skills: [] },
      guessing: { detected: false, fastWrong: 0, wrong: 0 },
      hintDependence: { detected: false, submissions: 0, share: null },
      timeOfDay: { mostActive: null, mostSuccessful: null },
      streaks: { current: 0, longest: 0 },
    });
    expect(pattern.summary).toMatch(/^Not enough practice yet to see patterns: 0 answers so far\./);
    const sentences = [
      pattern.struggling,
      pattern.guessing,
      pattern.hintDependence,
      pattern.timeOfDay,
      pattern.streaks,
    ];
    for (const { finding } of sentences) expect(finding).toMatch(/^[A-Z].+\.$/);
  });

  it('finds guessing in wrong quiz answers given within seconds, not in slow ones', async () => {
    const { api, session, record } = await startLearner();
    const rushed = [0, 1, 2, 3].map((m) => answer(at(10, 9, m), false, 800));
    await record([...rushed, answer(at(10, 9, 5), false), answer(at(10, 9, 6), true)]);
    const pattern = await api.analyzeUserPattern({ session });
    expect(pattern.guessing).toEqual({
      detected: true,
      fastWrong: 4,
      wrong: 5,
      finding: '4 wrong answers of 5 came within seconds: slowing down to read the question pays off.',
      findingI18n: { key: 'guessing', params: { count: 4, wrong: 5 } },
    });
    expect(pattern.summary).toContain(pattern.guessing.finding);

    const calm = await startLearner();
    await calm.record([0, 1, 2, 3, 4, 5].map((m) => answer(at(10, 9, m), m === 5)));
    expect((await calm.api.analyzeUserPattern({ session: calm.session })).guessing).toMatchObject({
      detected: false,
      fastWrong: 0,
      wrong: 5,
    });
  });

  it('finds guessing in a failing exercise resubmitted seconds after the last try', async () => {
    const { api, session, record } = await startLearner();
    const retries = [0, 5, 10, 15, 20].map((s) => submission(at(10, 9, 0, s), 0));
    await record(retries);
    // The first submission has no try before it to measure from.
    expect((await api.analyzeUserPattern({ session })).guessing).toMatchObject({ detected: true, fastWrong: 4 });
  });

  it('finds hint dependence and the skill a learner struggles with', async () => {
    const { api, session, record } = await startLearner();
    const hinted = [0, 10, 20, 30].map((m, i) => submission(at(10, 9, m), i === 0 ? 0 : 2));
    const misses = [answer(at(10, 11, 0), false), answer(at(10, 11, 5), false), answer(at(10, 11, 10), true)];
    await record([...hinted, ...misses]);
    const pattern = await api.analyzeUserPattern({ session });
    expect(pattern.enoughData).toBe(true);
    expect(pattern.guessing.detected).toBe(false);
    expect(pattern.hintDependence).toEqual({
      detected: true,
      withHints: 3,
      submissions: 4,
      share: 0.75,
      finding: '3 of your last 4 submissions used hints (75%): try the next one on your own first.',
      findingI18n: { key: 'hints-dependent', params: { withHints: 3, count: 4, percent: 75 } },
    });
    // The four failed submissions and two missed answers are all on loops, the pack's one skill.
    expect(pattern.struggling.skills).toEqual([{ skillId: 'demo/loops', title: 'Loops', failed: 6, attempts: 7 }]);
    expect(pattern.struggling.finding).toBe(
      'You missed 6 of your last 7 tries on loops: reading that lesson again before the next try may help.',
    );
  });

  it('tells when the learner is most active and most successful in their time zone, and their streak', async () => {
    const { api, session, record } = await startLearner({ now: () => new Date(at(12, 20)) });
    const mornings = [10, 11, 12].flatMap((day) => [answer(at(day, 6, 0), true), answer(at(day, 6, 10), true)]);
    const evenings = [11, 12].flatMap((day) => [0, 10, 20, 30].map((m) => answer(at(day, 18, m), m === 0)));
    await record([...mornings, ...evenings]);

    // UTC+2: 06:00 UTC is 8 in the morning, 18:00 UTC is 8 in the evening.
    const east = await api.analyzeUserPattern({ session, tzOffsetMinutes: -120 });
    expect(east.timeOfDay).toEqual({
      mostActive: 'evening',
      mostSuccessful: 'morning',
      finding: 'You practise most in the evening, but do best in the morning (100% right there, 57% overall).',
      findingI18n: expect.objectContaining({ key: 'practise-most-but' }) as unknown,
    });
    expect(east.streaks).toEqual({
      current: 3,
      longest: 3,
      finding: 'You have practised 3 days in a row (your longest run: 3 days).',
      findingI18n: expect.objectContaining({ key: 'streak-current' }) as unknown,
    });
    // UTC-8: the same answers fall at night and in the morning.
    const west = await api.analyzeUserPattern({ session, tzOffsetMinutes: 480 });
    expect(west.timeOfDay).toMatchObject({ mostActive: 'morning', mostSuccessful: 'night' });
  });
});
