import { generateCourse } from './course.js';
import type { Scenario } from './course.js';
import { DEFAULT_LEARNING, FLAT_LEARNING } from './learner.js';
import type { Learning } from './learner.js';
import { seeded } from './random.js';
import { simulate, STANDARD_COURSE } from './simulate.js';
import type { Policy } from './policies.js';

/** A simulated world: a course (it may differ by seed) and how practice changes its learners. */
export interface World {
  name: string;
  course(seed: number): Scenario;
  learning: Learning;
}

/** Prerequisites that matter strongly: a skill is usable no further than its weakest prerequisite. */
export const STRONG_PREREQUISITES: Learning = { ...DEFAULT_LEARNING, prerequisiteSlack: 0 };

/** The generated course under each kind of practice: where the band helps, where it cannot, where order matters most. */
export function generatedWorlds(): World[] {
  const { skills, itemsPerSkill } = STANDARD_COURSE;
  const course = (seed: number) => generateCourse(skills, itemsPerSkill, seeded(seed));
  return [
    { name: 'course, practice teaches most near 82% success', course, learning: DEFAULT_LEARNING },
    { name: 'course, flat: practice teaches the same at every difficulty', course, learning: FLAT_LEARNING },
    { name: 'course, strong prerequisites (no slack)', course, learning: STRONG_PREREQUISITES },
  ];
}

/** Mean and the half-width of its 95% confidence interval (Student's t over the seeds). */
export interface Interval {
  mean: number;
  halfWidth: number;
}

/** Student's t at 97.5% for 1-10 degrees of freedom; 1.96 beyond. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];

export function interval(values: readonly number[]): Interval {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, halfWidth: NaN };
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1));
  return { mean, halfWidth: ((T975[n - 2] ?? 1.96) * sd) / Math.sqrt(n) };
}

export interface WorldResult {
  world: string;
  /** Per policy, in the order given: mean exercises to mastery per seed, and their interval. */
  policies: { policy: string; perSeed: number[]; interval: Interval }[];
}

/**
 * Every policy in every world, once per seed (a seed draws the course where it is generated, and the
 * learners): each seed's mean exercises to mastery, and the interval over seeds.
 */
export function compareWorlds(
  worlds: readonly World[],
  options: { seeds: readonly number[]; learners: number; budget: number; policies?: readonly Policy[] },
): WorldResult[] {
  return worlds.map((world) => {
    const runs = options.seeds.map((seed) =>
      simulate(world.course(seed), {
        learners: options.learners,
        seed,
        budget: options.budget,
        learning: world.learning,
        ...(options.policies ? { policies: options.policies } : {}),
      }),
    );
    return {
      world: world.name,
      policies: runs[0]!.map((first, p) => {
        const perSeed = runs.map((run) => run[p]!.mean);
        return { policy: first.policy, perSeed, interval: interval(perSeed) };
      }),
    };
  });
}

/** One printable row per world: each policy's mean exercises to mastery ± the 95% half-width. */
export function worldTable(results: readonly WorldResult[]): Record<string, string>[] {
  return results.map((r) => ({
    world: r.world,
    ...Object.fromEntries(
      r.policies.map(({ policy, interval: { mean, halfWidth } }) => [
        policy,
        `${mean.toFixed(1)} ± ${Number.isNaN(halfWidth) ? 'n/a' : halfWidth.toFixed(1)}`,
      ]),
    ),
  }));
}
