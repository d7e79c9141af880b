import { describe, expect, it } from 'vitest';
import { startLearner } from '../testing/start-learner.js';

const stateOf = (progress: { steps: { contentId: string; state: string }[] }) =>
  Object.fromEntries(progress.steps.map((s) => [s.contentId, s.state]));

describe('getStepProgress', () => {
  it('marks each step not started, in progress, done or mastered, in teaching order', async () => {
    const { api, session, record } = await startLearner();
    const fresh = await api.getStepProgress({ session });
    expect(fresh.steps.map((s) => s.contentId)).toEqual([
      'demo/hello',
      'demo/names',
      'demo/for-loops',
      'demo/count-down',
    ]);
    expect(new Set(fresh.steps.map((s) => s.state))).toEqual(new Set(['not-started']));
    expect(fresh.resume).toBeNull();

    await record([
      { type: 'LessonOpened', data: { lessonId: 'demo/hello' } },
      { type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 1000 } },
      { type: 'LessonOpened', data: { lessonId: 'demo/names' } },
      { type: 'ExerciseStarted', data: { exerciseId: 'demo/count-down' } },
    ]);
    expect(stateOf(await api.getStepProgress({ session }))).toEqual({
      'demo/hello': 'done',
      'demo/names': 'in-progress',
      'demo/for-loops': 'not-started',
      'demo/count-down': 'in-progress',
    });

    // Three right answers on loops master the skill the exercise practises.
    const right = {
      type: 'QuizAnswered' as const,
      data: { quizItemId: 'demo/range-stop', correct: true, answer: '4', timeSpentMs: 1000 },
    };
    await record([right, right, right]);
    expect(stateOf(await api.getStepProgress({ session }))['demo/count-down']).toBe('mastered');
  });

  it('continues at the last step opened while unfinished, then at the step after it, and ends with the course', async () => {
    const { api, session, record } = await startLearner();
    await record([{ type: 'LessonOpened', data: { lessonId: 'demo/names' } }]);
    expect((await api.getStepProgress({ session })).resume).toEqual({
      kind: 'lesson',
      contentId: 'demo/names',
      title: 'Names',
      moduleId: 'demo/basics',
      why: 'unfinished',
    });
    // The module's last lesson, finished: the next module's first lesson.
    await record([{ type: 'LessonCompleted', data: { lessonId: 'demo/names', timeSpentMs: 1000 } }]);
    expect((await api.getStepProgress({ session })).resume).toMatchObject({ contentId: 'demo/for-loops', why: 'next' });

    await record([
      { type: 'ExerciseStarted', data: { exerciseId: 'demo/count-down' } },
      { type: 'ExerciseCompleted', data: { exerciseId: 'demo/count-down' } },
    ]);
    // The module's last exercise, passed: its quiz.
    expect((await api.getStepProgress({ session })).resume).toMatchObject({
      kind: 'quiz',
      contentId: 'demo/loops',
      why: 'next',
    });
  });
});
