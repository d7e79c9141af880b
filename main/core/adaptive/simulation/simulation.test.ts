import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_SUCCESS as TARGET_BAND } from '../../../../common/contract/learners.js';
import { generateCourse } from './course.js';
import type { Scenario } from './course.js';
import { DEFAULT_LEARNING, FLAT_LEARNING, SimulatedLearner } from './learner.js';
import { adaptive } from './policies.js';
import type { LearnerRecord } from './policies.js';
import { normal, seeded, sigmoid } from './random.js';
import { simulate, STANDARD_COURSE } from './simulate.js';
import { readSynthetic } from './synthetic.js';
import { compareWorlds, generatedWorlds, interval, worldTable } from './worlds.js';
import type { World } from './worlds.js';

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

  it('are offered by the adaptive rule only unsolved items of skills whose prerequisites it measures as in hand', () => {
    const scenario = generateCourse(2, 10, seeded(1));
    const record: LearnerRecord = {
      solved: scenario.items.map(() => false),
      evidence: [
        { correct: 0, attempts: 0 },
        { correct: 0, attempts: 0 },
      ],
      last: -1,
      answers: [],
    };
    const first = adaptive.next(scenario, record, seeded(1))!;
    expect(first.skill).toBe(0);
    record.solved[first.index] = true;
    record.answers.push({ item: first, correct: true });
    expect(adaptive.next(scenario, record, seeded(1))!.index).not.toBe(first.index);
    // Nothing of skill 0 left to offer, and misses on it: skill 1 waits until the answers say skill 0 is in hand.
    const skill0 = scenario.items.filter((item) => item.skill === 0);
    skill0.forEach((item) => (record.solved[item.index] = true));
    // Fresh records: the estimate is kept per record.
    const missed = { ...record, answers: skill0.slice(0, 4).map((item) => ({ item, correct: false })) };
    for (let seed = 1; seed <= 20; seed++) expect(adaptive.next(scenario, missed, seeded(seed))).toBeUndefined();
    // This learner got everything on skill 0 right: skill 1 opens, whatever the draw.
    const fast = { ...record, answers: skill0.map((item) => ({ item, correct: true })) };
    for (let seed = 1; seed <= 20; seed++) expect(adaptive.next(scenario, fast, seeded(seed))!.skill).toBe(1);
  });
});

/** A course fitted to a set made the DKT paper's way (5 concepts, 50 questions), written to a temporary folder. */
async function syntheticSet(seed: number) {
  const random = seeded(seed);
  const questions = Array.from({ length: 50 }, (_, q) => ({ concept: q % 5, difficulty: 1.2 * normal(random) }));
  const rows = Array.from({ length: 400 }, () => {
    const theta = Array.from({ length: 5 }, () => normal(random));
    return questions.map(({ concept, difficulty }) => {
      const right = random() < sigmoid(theta[concept]! - difficulty) ? 1 : 0;
      theta[concept]! += 0.1;
      return right;
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
  writeFileSync(join(dir, 'set.csv'), rows.map((r) => r.join(',')).join('\n'));
  writeFileSync(join(dir, 'set_info.txt'), questions.map((q) => `0.5\t0.5\t${q.concept}\t${q.difficulty}`).join('\n'));
  return (await readSynthetic(join(dir, 'set.csv'))).scenario;
}

/** The DKT paper's sets, beside the repository as the README says (KT_SYNTHETIC points elsewhere). */
const SHARED_SYNTHETIC =
  process.env.KT_SYNTHETIC ?? fileURLToPath(new URL('../../../../../shared/data/kt/synthetic', import.meta.url));

/** Per world, the adaptive rule's mean exercises to mastery over the seeds is at most random's and course order's. */
function expectAheadEverywhere(worlds: World[]) {
  const results = compareWorlds(worlds, { seeds: [1, 2, 3], learners: 40, budget: STANDARD_COURSE.budget });
  for (const { world, policies } of results) {
    const [ours, ...others] = policies;
    expect(ours!.policy).toBe('adaptive');
    for (const other of others) {
      expect(ours!.interval.mean, `${world}: adaptive vs ${other.policy}`).toBeLessThanOrEqual(other.interval.mean);
    }
  }
}

describe('the adaptive rule in every simulated world', () => {
  it('takes no more exercises to mastery than random or course order: peaked, flat, strong prerequisites, a synthetic set', async () => {
    const scenario = await syntheticSet(5);
    const course = () => scenario;
    expectAheadEverywhere([
      ...generatedWorlds(),
      { name: 'synthetic', course, learning: DEFAULT_LEARNING },
      { name: 'synthetic, flat', course, learning: FLAT_LEARNING },
    ]);
  }, 60_000);

  it.skipIf(!existsSync(SHARED_SYNTHETIC))(
    'takes no more on the five DKT synthetic sets (../shared/data/kt/synthetic)',
    async () => {
      const sets = readdirSync(SHARED_SYNTHETIC).filter((f) => f.endsWith('.csv'));
      const worlds: World[] = [];
      for (const set of sets) {
        const { scenario } = await readSynthetic(join(SHARED_SYNTHETIC, set));
        worlds.push({ name: set, course: () => scenario, learning: DEFAULT_LEARNING });
        worlds.push({ name: `${set}, flat`, course: () => scenario, learning: FLAT_LEARNING });
      }
      expectAheadEverywhere(worlds);
    },
    // Fitting the five sets (4,000 students each) takes most of it.
    120_000,
  );

  it('gives the same figures for the same seed, and others for another', () => {
    const worlds = generatedWorlds().slice(0, 2);
    const run = (seeds: number[]) => compareWorlds(worlds, { seeds, learners: 10, budget: 120 });
    expect(run([4, 5])).toEqual(run([4, 5]));
    expect(run([6, 7])).not.toEqual(run([4, 5]));
  });

  it('reports each world with a 95% confidence interval over the seeds', () => {
    expect(interval([10, 12, 14])).toEqual({ mean: 12, halfWidth: expect.closeTo((4.303 * 2) / Math.sqrt(3), 6) });
    const [row] = worldTable(compareWorlds(generatedWorlds().slice(1, 2), { seeds: [1, 2], learners: 5, budget: 100 }));
    expect(Object.keys(row!)).toEqual(['world', 'adaptive', 'fixed order', 'random']);
    expect(row!['adaptive']).toMatch(/^\d+\.\d ± \d+\.\d$/);
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
