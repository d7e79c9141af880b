import type { Scenario } from './course.js';
import { DEFAULT_LEARNING, SimulatedLearner } from './learner.js';
import type { Learning } from './learner.js';
import { POLICIES } from './policies.js';
import type { LearnerRecord, Policy } from './policies.js';
import { seeded } from './random.js';

export interface SimulationOptions {
  learners: number;
  seed: number;
  /** Exercises a learner may do; one who has not mastered the course by then counts as this many. */
  budget: number;
  learning?: Learning;
  policies?: readonly Policy[];
}

export interface PolicyResult {
  policy: string;
  learners: number;
  /** Exercises to mastery, per learner, the budget for those who did not get there. */
  exercises: number[];
  median: number;
  mean: number;
  /** Share of learners at mastery within the budget. */
  mastered: number;
  /** Share of all attempts answered right. */
  successRate: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Every policy teaches the same learners (same starting abilities), each from its own stream of
 * answers, until mastery, the budget, or the policy has nothing left to offer.
 */
export function simulate(scenario: Scenario, options: SimulationOptions): PolicyResult[] {
  const learning = options.learning ?? DEFAULT_LEARNING;
  const draw = seeded(options.seed);
  const starts = Array.from({ length: options.learners }, () => scenario.abilities(draw));
  return (options.policies ?? POLICIES).map((policy, p) => {
    const exercises: number[] = [];
    let mastered = 0;
    let right = 0;
    let attempts = 0;
    starts.forEach((abilities, l) => {
      const random = seeded(options.seed * 7919 + l * 31 + p + 1);
      const learner = new SimulatedLearner(scenario, abilities, learning);
      const record: LearnerRecord = {
        solved: scenario.items.map(() => false),
        evidence: Array.from({ length: scenario.skillCount }, () => ({ correct: 0, attempts: 0 })),
        last: -1,
        answers: [],
      };
      let done = 0;
      while (done < options.budget && !learner.mastered()) {
        const item = policy.next(scenario, record, random);
        if (!item) break;
        const correct = learner.attempt(item, random);
        const evidence = record.evidence[item.skill]!;
        evidence.attempts += 1;
        if (correct) {
          evidence.correct += 1;
          record.solved[item.index] = true;
          right += 1;
        }
        record.last = item.index;
        record.answers.push({ item, correct });
        done += 1;
        attempts += 1;
      }
      const reached = learner.mastered();
      if (reached) mastered += 1;
      exercises.push(reached ? done : options.budget);
    });
    return {
      policy: policy.name,
      learners: options.learners,
      exercises,
      median: median(exercises),
      mean: exercises.reduce((a, b) => a + b, 0) / exercises.length,
      mastered: mastered / options.learners,
      successRate: attempts === 0 ? NaN : right / attempts,
    };
  });
}

/** The generated course the CLI, the benchmark and the tests report on. */
export const STANDARD_COURSE = { skills: 6, itemsPerSkill: 30, budget: 300 };

const percent = (share: number) => (Number.isNaN(share) ? 'n/a' : `${(share * 100).toFixed(1)}%`);

/** One printable row per policy. */
export function summarise(results: readonly PolicyResult[]) {
  return results.map((r) => ({
    policy: r.policy,
    'median to mastery': r.median,
    'mean to mastery': Number(r.mean.toFixed(1)),
    mastered: percent(r.mastered),
    'success rate': percent(r.successRate),
  }));
}
