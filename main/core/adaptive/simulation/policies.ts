import { DEFAULT_TARGET_SUCCESS as TARGET_BAND } from '../../../../common/contract/learners.js';
import { predictFromEvidence } from '../models/performance-prior.js';
import type { SkillEvidence } from '../models/performance-prior.js';
import type { Scenario, SimItem } from './course.js';
import type { Random } from './random.js';

/** What a policy may know of a learner: what the app records, never the true ability. */
export interface LearnerRecord {
  solved: boolean[];
  /** Per skill, as the skill_mastery projection counts it. */
  evidence: SkillEvidence[];
  /** The item attempted last, -1 before the first. */
  last: number;
}

export interface Policy {
  name: string;
  next(scenario: Scenario, record: LearnerRecord, random: Random): SimItem | undefined;
}

const tried = (e: SkillEvidence) => (e.attempts > 0 ? [e] : []);

/**
 * The app's rule (recommendNextExercise): among unsolved items whose prerequisites are met, the
 * one whose predicted success is closest to the target band (the default: simulated learners set
 * no preference), the earliest in course order among equals. The app gates on lessons read, which
 * the simulation has not: here a skill opens once the same model predicts success on a middling
 * item (difficulty 3) of each prerequisite at the band's low edge or better.
 */
export const adaptive: Policy = {
  name: 'adaptive',
  next(scenario, { solved, evidence }) {
    const open = scenario.requires.map((required) =>
      required.every((r) => predictFromEvidence(3, tried(evidence[r]!)).probability >= TARGET_BAND.low),
    );
    let best: { item: SimItem; distance: number } | undefined;
    for (const item of scenario.items) {
      if (solved[item.index] || !open[item.skill]) continue;
      const { probability } = predictFromEvidence(item.difficulty, tried(evidence[item.skill]!));
      const distance = Math.max(0, TARGET_BAND.low - probability, probability - TARGET_BAND.high);
      if (!best || distance < best.distance) best = { item, distance };
      if (distance === 0) break;
    }
    return best?.item;
  },
};

/** Reading the book: each item in course order; after the last, another pass over those still unsolved. */
export const fixedOrder: Policy = {
  name: 'fixed order',
  next(scenario, { solved, last }) {
    const n = scenario.items.length;
    for (let step = 1; step <= n; step++) {
      const item = scenario.items[(last + step) % n]!;
      if (!solved[item.index]) return item;
    }
    return undefined;
  },
};

/** Any unsolved item, uniformly at random, prerequisites ignored. */
export const randomOrder: Policy = {
  name: 'random',
  next(scenario, { solved }, random) {
    const left = scenario.items.filter((item) => !solved[item.index]);
    return left[Math.floor(random() * left.length)];
  },
};

export const POLICIES: readonly Policy[] = [adaptive, fixedOrder, randomOrder];
