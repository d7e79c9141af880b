import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePackFixture } from '../../../../content-packs/format/pack-fixture.js';
import { startLearner } from '../testing/start-learner.js';

/** Three right answers on the fixture's loops question: the loops skill is mastered. */
const masterLoops = Array.from({ length: 3 }, () => ({
  type: 'QuizAnswered' as const,
  data: { quizItemId: 'demo/range-stop', correct: true, answer: '4', timeSpentMs: 1000 },
}));

type Learner = Awaited<ReturnType<typeof startLearner>>;

/** "Up next" names a step the path shows as not done yet, or nothing once the path has nothing open. */
async function expectAgreement({ api, session }: Learner) {
  const next = await api.recommendNextExercise({ session });
  const path = await api.generateLearningPath({ session, goal: 'all' });
  if (next) {
    const step = path.steps.find((s) => s.contentId === next.contentId);
    expect(step?.status, `${next.contentId} is recommended`).not.toBe('done');
  }
  return next;
}

describe('recommendNextExercise and the learning path', () => {
  it('do not recommend an exercise whose skills are mastered, which the path shows as done', async () => {
    const learner = await startLearner();
    expect(await expectAgreement(learner)).toMatchObject({ contentId: 'demo/count-down' });
    await learner.record(masterLoops);
    // Every exercise is done by mastery: nothing is left to recommend.
    expect(await expectAgreement(learner)).toBeNull();
  });

  it('count a lesson done by mastery as read, so the exercise waiting on it comes next', async () => {
    const source = writePackFixture();
    const manifest = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8'));
    manifest.skills.push({ id: 'ranges', title: 'Ranges' });
    manifest.modules[1].lessons[0].skills = ['loops'];
    manifest.modules[1].exercises[0].skills = ['loops', 'ranges'];
    manifest.modules[1].exercises[0].requires = ['for-loops'];
    writeFileSync(join(source, 'pack.json'), JSON.stringify(manifest));
    const learner = await startLearner({ packsDir: join(source, '..') });
    expect(await expectAgreement(learner)).toMatchObject({ kind: 'lesson', contentId: 'demo/hello' });
    await learner.record(masterLoops);
    expect(await expectAgreement(learner)).toMatchObject({ kind: 'exercise', contentId: 'demo/count-down' });
  });
});
