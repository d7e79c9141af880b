import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_SUCCESS as BAND } from '../../../../common/contract/learners.js';
import { predictFromEvidence } from '../models/performance-prior.js';
import type { Candidate } from './candidates.js';
import { paceOf, pickInBand, pickOnPace } from './recommendation.js';

const exercise = (id: string, skill: string, difficulty: number): Candidate => ({
  id,
  title: id,
  moduleId: 'm',
  difficulty,
  skills: [skill],
  lessons: [],
});

/** Teaching order: the rest of loops (difficulty 3-5), then the first exercises on functions. */
const ready = [
  exercise('loops-3', 'loops', 3),
  exercise('loops-4', 'loops', 4),
  exercise('loops-5', 'loops', 5),
  exercise('functions-1', 'functions', 1),
  exercise('functions-2', 'functions', 2),
];

/** A fast learner: every loops exercise so far right, from the easiest up. */
const fastOnLoops = [1, 1, 2, 2, 3, 3, 4, 4].map((difficulty, i) => ({
  contentId: `done-${i}`,
  difficulty,
  skills: ['loops'],
  correct: true,
}));

const evidence = { correct: fastOnLoops.length, attempts: fastOnLoops.length };
const prior = (c: Candidate) =>
  predictFromEvidence(c.difficulty, c.skills[0] === 'loops' ? [evidence] : []).probability;

describe('the recommendation on the learner’s measured pace', () => {
  it('moves a fast learner on to the next skill where the prior alone keeps them on one they have in hand', () => {
    // The old rule: the prior, 8 of 8 right on loops, still puts loops at difficulty 4-5 in the band, first in course order.
    expect(pickInBand(ready, prior, BAND).exercise.skills).toEqual(['loops']);
    const pace = paceOf('learner-1', fastOnLoops, (id) => fastOnLoops.find((a) => a.contentId === id)?.difficulty);
    const pick = pickOnPace(ready, () => undefined, prior, pace, BAND);
    expect(pick.exercise.skills).toEqual(['functions']);
    expect(pick.probability).toBeCloseTo(prior(pick.exercise), 9);
  });

  it('gives the same pick for the same learner and answers, however often it is asked', () => {
    const pick = () =>
      pickOnPace(
        ready,
        () => undefined,
        prior,
        paceOf('learner-2', fastOnLoops.slice(0, 3), () => 2),
        BAND,
      );
    expect(pick()).toEqual(pick());
  });

  it('takes the deep model’s chance where it has one, and offers skills in hand once nothing else is ready', () => {
    const pace = paceOf('learner-1', fastOnLoops, () => 3);
    const loopsOnly = ready.slice(0, 3);
    expect(pickOnPace(loopsOnly, () => undefined, prior, pace, BAND).exercise.id).toMatch(/^loops-/);
    const deep = pickOnPace(ready, (i) => (i === 4 ? 0.75 : 0.99), prior, pace, BAND);
    expect(deep).toEqual({ exercise: ready[4], probability: 0.75 });
  });
});
