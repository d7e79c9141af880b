import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LearningPath } from '../../../../common/contract/adaptive.js';
import type { PackManifestInput } from '../../../../content-packs/format/manifest.js';
import { SHIPPED_PACKS, startLearner } from '../testing/start-learner.js';

/** What each step needs first, read from the shipped manifests, apart from the code under test. */
function shippedPrerequisites(): Map<string, string[]> {
  const needs = new Map<string, string[]>();
  for (const dir of readdirSync(SHIPPED_PACKS)) {
    let manifest: PackManifestInput;
    try {
      manifest = JSON.parse(readFileSync(join(SHIPPED_PACKS, dir, 'pack.json'), 'utf8')) as PackManifestInput;
    } catch {
      continue;
    }
    const q = (id: string) => `${manifest.id}/${id}`;
    const stepsOf = (moduleId: string) => {
      const m = manifest.modules.find((x) => x.id === moduleId)!;
      return [...m.lessons, ...(m.exercises ?? [])].map((s) => q(s.id));
    };
    for (const m of manifest.modules) {
      const fromModules = (m.requires ?? []).flatMap(stepsOf);
      for (const s of [...m.lessons, ...(m.exercises ?? [])]) {
        needs.set(q(s.id), [...(s.requires ?? []).map(q), ...fromModules]);
      }
    }
  }
  return needs;
}

/** A small seeded generator, so a failure can be replayed. */
const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function expectWellOrdered(path: LearningPath, needs: Map<string, string[]>) {
  const position = new Map(path.steps.map((s, i) => [s.contentId, i]));
  const done = new Set(path.steps.filter((s) => s.status === 'done').map((s) => s.contentId));
  for (const [i, step] of path.steps.entries()) {
    const required = needs.get(step.contentId)!;
    for (const r of required) {
      // Every prerequisite is in the path, before the step that needs it.
      expect(position.get(r), `${r} before ${step.contentId}`).toBeLessThan(i);
    }
    const waiting = required.some((r) => !done.has(r));
    if (step.status !== 'done') expect(step.status === 'locked', step.contentId).toBe(waiting);
  }
  const next = path.steps.filter((s) => s.status === 'next');
  expect(next).toHaveLength(path.remaining > 0 ? 1 : 0);
  if (next[0]) expect(next[0]).toBe(path.steps.find((s) => s.status !== 'done'));
}

describe('generateLearningPath', () => {
  it('puts every step after its prerequisites, whatever the learner has done', async () => {
    const needs = shippedPrerequisites();
    const { api, session, record } = await startLearner({ packsDir: SHIPPED_PACKS });
    const first = await api.generateLearningPath({ session, goal: 'all' });
    expect(first.steps).toHaveLength(needs.size);
    expectWellOrdered(first, needs);
    expect(first.steps[0]).toMatchObject({ status: 'next', contentId: 'python-foundations/hello-python' });

    const next = random(7);
    const ids = [...needs.keys()];
    const kindOf = new Map(first.steps.map((s) => [s.contentId, s.kind]));
    for (let round = 0; round < 4; round++) {
      // Done in any order, prerequisites or not: learners skip around.
      const picked = ids.filter(() => next() < 0.25);
      await record(
        picked.map((id) =>
          kindOf.get(id) === 'lesson'
            ? { type: 'LessonCompleted' as const, data: { lessonId: id, timeSpentMs: 1000 } }
            : { type: 'ExerciseCompleted' as const, data: { exerciseId: id } },
        ),
      );
      const path = await api.generateLearningPath({ session, goal: 'all' });
      expectWellOrdered(path, needs);
      expect(path.done + path.remaining).toBe(needs.size);
    }
  });

  it('never offers what is done, and counts a mastered skill’s content as done', async () => {
    const { api, session, record } = await startLearner();
    await api.trackProgress({
      session,
      event: { type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 1000 } },
    });
    const path = await api.generateLearningPath({ session });
    expect(path.goal).toEqual({ kind: 'all', id: null, title: 'everything installed' });
    expect(path.steps.find((s) => s.contentId === 'demo/hello')).toMatchObject({ status: 'done', reason: 'Done.' });
    expect(path.steps.find((s) => s.status === 'next')).toMatchObject({ contentId: 'demo/names' });
    expect(path).toMatchObject({ done: 1, remaining: 3 });

    const right = {
      type: 'QuizAnswered' as const,
      data: { quizItemId: 'demo/range-stop', correct: true, answer: '4', timeSpentMs: 9000 },
    };
    await record([right, right, right]);
    const mastered = await api.generateLearningPath({ session });
    expect(mastered.steps.find((s) => s.contentId === 'demo/count-down')).toMatchObject({
      status: 'done',
      probability: null,
      reason: 'Done: you have mastered loops.',
    });
  });

  it('follows a module goal with what it needs, a skill goal, and the goal in the profile', async () => {
    const { api, session } = await startLearner({
      packsDir: SHIPPED_PACKS,
      profile: { goals: ['Learn fast', 'functions'] },
    });
    const loops = await api.generateLearningPath({ session, goal: 'python-foundations/decisions-and-loops' });
    expect(loops.goal).toEqual({
      kind: 'module',
      id: 'python-foundations/decisions-and-loops',
      title: 'Decisions and loops',
    });
    const modules = new Set(loops.steps.map((s) => s.moduleId));
    expect(modules).toEqual(new Set(['python-foundations/first-steps', 'python-foundations/decisions-and-loops']));
    const locked = loops.steps.find((s) => s.contentId === 'python-foundations/making-decisions')!;
    expect(locked).toMatchObject({
      status: 'locked',
      reason: expect.stringMatching(/^Waits for the module “First steps”\.$/),
    });

    const skill = await api.generateLearningPath({ session, goal: 'lionagi-essentials/tool-schemas' });
    expect(skill.goal.kind).toBe('skill');
    expect(skill.steps.map((s) => s.contentId)).toContain('lionagi-essentials/function-to-schema');
    expect(skill.steps.every((s) => s.contentId.startsWith('lionagi-essentials/'))).toBe(true);

    // No goal asked: the first profile goal naming a module or skill (here by title) leads.
    const fromProfile = await api.generateLearningPath({ session });
    expect(fromProfile.goal).toMatchObject({ kind: 'module', id: 'python-foundations/functions' });
  });

  it('refuses a goal that names nothing installed', async () => {
    const { api, session } = await startLearner();
    await expect(api.generateLearningPath({ session, goal: 'demo/no-such-module' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/No installed module or skill "demo\/no-such-module"/),
    });
    await expect(api.generateLearningPath({ session, goal: 'Not an id' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('updateLearningPath', () => {
  it('says what changed since the last path: steps done, and steps moved by new evidence', async () => {
    const { api, session, record } = await startLearner();
    const fresh = await api.updateLearningPath({ session });
    expect(fresh.changes).toMatchObject({ hadPrevious: false, added: 4, summary: 'A new path: 4 steps to go.' });
    expect(fresh.steps.map((s) => s.contentId)).toEqual([
      'demo/hello',
      'demo/names',
      'demo/for-loops',
      'demo/count-down',
    ]);

    await api.trackProgress({
      session,
      event: { type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 1000 } },
    });
    const miss = {
      type: 'QuizAnswered' as const,
      data: { quizItemId: 'demo/loop-count', correct: false, answer: '2', timeSpentMs: 9000 },
    };
    await record([miss, miss]);
    const after = await api.updateLearningPath({ session });
    // Loops went badly, so its exercise comes first among what is ready.
    expect(after.steps.filter((s) => s.status !== 'done').map((s) => s.contentId)).toEqual([
      'demo/count-down',
      'demo/names',
      'demo/for-loops',
    ]);
    expect(after.steps.find((s) => s.status === 'next')!.reason).toMatch(
      /^Practise: you missed 2 of 2 on loops so far/,
    );
    expect(after.changes).toEqual({
      hadPrevious: true,
      completed: 1,
      added: 0,
      removed: 0,
      reordered: 1,
      summary: 'Since last time: 1 step done and 1 step moved.',
      summaryI18n: {
        key: 'path-since',
        params: {
          changes: [
            { key: 'steps-done', params: { count: 1 } },
            { key: 'steps-moved', params: { count: 1 } },
          ],
        },
      },
    });
    expect((await api.updateLearningPath({ session })).changes.summary).toBe('Nothing changed since last time.');
  });

  it('keeps the goal asked for last time', async () => {
    const { api, session } = await startLearner();
    await api.generateLearningPath({ session, goal: 'demo/basics' });
    const updated = await api.updateLearningPath({ session });
    expect(updated.goal).toMatchObject({ kind: 'module', id: 'demo/basics' });
    expect(updated.steps.map((s) => s.contentId)).toEqual(['demo/hello', 'demo/names']);
  });
});
