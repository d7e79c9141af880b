import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_SUCCESS as TARGET_BAND } from '../../../../common/contract/learners.js';
import { generateCourse } from './course.js';
import type { Scenario } from './course.js';
import { DEFAULT_LEARNING, SimulatedLearner } from './learner.js';
import { adaptive } from './policies.js';
import type { LearnerRecord } from './policies.js';
import { normal, seeded, sigmoid } from './random.js';
import { simulate, STANDARD_COURSE } from './simulate.js';
import { readSynthetic } from './synthetic.js';

/** How far the observed success rate may stray from the band: a few points of sampling and model error. */
const TOLERANCE = 0.03;

describe('simulated learners', () => {
  it('reach mastery in fewer exercises under the adaptive rule than in course or random order, at the target success rate', () => {
    const { skills, itemsPerSkill, budget } = STANDARD_COURSE;
    const results = simulate(generateCourse(skills, itemsPerSkill, seeded(3)), { learners: 300, seed: 3, budget });
    const [ours, fixed, random] = results;
    expect(results.map((r) => r.policy)).toEqual(['adaptive', 'fixed order', 'random']);
    expect(ours!.median).toBeLessThan(fixed!.median);
    expect(ours!.median).toBeLessThan(random!.median);
    expect(ours!.successRate).toBeGreaterThanOrEqual(TARGET_BAND.low - TOLERANCE);
    expect(ours!.successRate).toBeLessThanOrEqual(TARGET_BAND.high + TOLERANCE);
  });

  it('use no more ability on a skill than its prerequisites allow, and keep none learnt above that cap', () => {
    const scenario: Scenario = {
      name: 'two skills',
      skillCount: 2,
      requires: [[], [0]],
      items: [
        { index: 0, skill: 0, difficulty: 3, b: 0 },
        { index: 1, skill: 1, difficulty: 3, b: 0 },
      ],
      abilities: () => [-2, 0],
    };
    const learner = new SimulatedLearner(scenario, [-2, 0], DEFAULT_LEARNING);
    const cap = -2 + DEFAULT_LEARNING.prerequisiteSlack;
    expect(learner.effective(1)).toBe(cap);
    const random = seeded(1);
    for (let i = 0; i < 20; i++) learner.attempt(scenario.items[1]!, random);
    expect(learner.effective(1)).toBe(cap);
    for (let i = 0; i < 20; i++) learner.attempt(scenario.items[0]!, random);
    expect(learner.effective(0)).toBeGreaterThan(-2);
    expect(learner.effective(1)).toBeGreaterThan(cap);
  });

  it('are offered by the adaptive rule only unsolved items of skills whose prerequisites it predicts are in hand', () => {
    const scenario = generateCourse(2, 10, seeded(1));
    const record: LearnerRecord = {
      solved: scenario.items.map(() => false),
      evidence: [
        { correct: 0, attempts: 0 },
        { correct: 0, attempts: 0 },
      ],
      last: -1,
    };
    const first = adaptive.next(scenario, record, seeded(1))!;
    expect(first.skill).toBe(0);
    record.solved[first.index] = true;
    record.evidence[0] = { correct: 1, attempts: 1 };
    expect(adaptive.next(scenario, record, seeded(1))!.index).not.toBe(first.index);
    // Nothing of skill 0 left to offer, and one miss on it: skill 1 waits until the evidence says skill 0 is in hand.
    scenario.items.filter((item) => item.skill === 0).forEach((item) => (record.solved[item.index] = true));
    record.evidence[0] = { correct: 0, attempts: 1 };
    expect(adaptive.next(scenario, record, seeded(1))).toBeUndefined();
    record.evidence[0] = { correct: 4, attempts: 4 };
    expect(adaptive.next(scenario, record, seeded(1))!.skill).toBe(1);
  });
});

describe('a course fitted to a synthetic data set', () => {
  it('recovers the question difficulties and the learning that generated the answers', async () => {
    const random = seeded(11);
    const questions = Array.from({ length: 30 }, (_, q) => ({ concept: q % 3, difficulty: 1.2 * normal(random) }));
    const learning = 0.15;
    const rows = Array.from({ length: 2000 }, () => {
      const theta = [normal(random), normal(random), normal(random)];
      return questions.map(({ concept, difficulty }) => {
        const right = random() < sigmoid(theta[concept]! - difficulty) ? 1 : 0;
        theta[concept]! += learning;
        return right;
      });
    });
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
    writeFileSync(join(dir, 'set.csv'), rows.map((r) => r.join(',')).join('\n'));
    writeFileSync(
      join(dir, 'set_info.txt'),
      questions.map((q) => `0.5\t0.5\t${q.concept}\t${q.difficulty}`).join('\n'),
    );
    const fit = await readSynthetic(join(dir, 'set.csv'), 2);
    expect(fit.difficultyCorrelation).toBeGreaterThan(0.97);
    expect(fit.learningPerAttempt).toBeGreaterThan(learning * 0.5);
    expect(fit.learningPerAttempt).toBeLessThan(learning * 1.5);
    expect(fit.scenario.items).toHaveLength(60);
    expect(fit.scenario.skillCount).toBe(3);
  });
});
