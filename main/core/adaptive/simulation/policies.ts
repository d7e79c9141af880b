import { DEFAULT_TARGET_SUCCESS as TARGET_BAND } from '../../../../common/contract/learners.js';
import type { SkillEvidence } from '../models/performance-prior.js';
import { EXPLORATION, PaceEstimate } from '../policy/pace-estimate.js';
import { pickAhead } from '../policy/recommendation.js';
import type { Scenario, SimItem } from './course.js';
import type { Random } from './random.js';

/** What a policy may know of a learner: what the app records, never the true ability. */
export interface LearnerRecord {
  solved: boolean[];
  /** Per skill, as the skill_mastery projection counts it. */
  evidence: SkillEvidence[];
  /** The item attempted last, -1 before the first. */
  last: number;
  /** Every answer so far, in order. */
  answers: { item: SimItem; correct: boolean }[];
}

export interface Policy {
  name: string;
  next(scenario: Scenario, record: LearnerRecord, random: Random): SimItem | undefined;
}

/**
 * The app's rule (pickAhead, as recommendNextExercise uses it through pickOnPace) on the learner's
 * measured pace: each learner's abilities and pace are estimated from their own answers
 * (PaceEstimate), and each choice is made on one draw from that estimate, `spread` of the way from
 * its mean (1 is Thompson sampling; the app's EXPLORATION by default), from the policy's seeded
 * stream, so it explores while unsure. A skill whose hardest item the draw puts above the band is
 * in hand: its items are passed over while other skills have some. The app gates on lessons read, which the
 * simulation has not: here a skill opens once the draw puts a middling item (difficulty 3) of each
 * prerequisite at the band's low edge or better.
 */
export const paced = (spread: number, name = 'adaptive'): Policy => ({
  name,
  next(scenario, record, random) {
    const estimate = paceOf(record);
    const chance = estimate.sample(random, spread);
    const open = scenario.requires.map((required) => required.every((r) => chance([r], 3) >= TARGET_BAND.low));
    const hardest = hardestRatings(scenario);
    const inHand = hardest.map((d, skill) => chance([skill], d) >= TARGET_BAND.high);
    const ready = scenario.items.filter((item) => !record.solved[item.index] && open[item.skill]);
    if (ready.length === 0) return undefined;
    return pickAhead(
      ready,
      (item) => chance([item.skill], item.difficulty),
      (item) => inHand[item.skill]!,
      TARGET_BAND,
    ).exercise;
  },
});

export const adaptive = paced(EXPLORATION);

/** Each learner's estimate, brought up to date with the answers recorded since the last choice. */
const paces = new WeakMap<LearnerRecord, { estimate: PaceEstimate; seen: number }>();
function paceOf(record: LearnerRecord): PaceEstimate {
  const kept = paces.get(record) ?? { estimate: new PaceEstimate(), seen: 0 };
  paces.set(record, kept);
  for (; kept.seen < record.answers.length; kept.seen++) {
    const { item, correct } = record.answers[kept.seen]!;
    kept.estimate.observe([item.skill], item.difficulty, correct);
  }
  return kept.estimate;
}

const hardestCache = new WeakMap<Scenario, number[]>();
function hardestRatings(scenario: Scenario): number[] {
  let hardest = hardestCache.get(scenario);
  if (!hardest) {
    hardest = Array.from({ length: scenario.skillCount }, () => 1);
    for (const item of scenario.items) hardest[item.skill] = Math.max(hardest[item.skill]!, item.difficulty);
    hardestCache.set(scenario, hardest);
  }
  return hardest;
}

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
