import type { Scenario, SimItem } from './course.js';
import type { Random } from './random.js';
import { sigmoid } from './random.js';

/** How practice changes ability, in logits per attempt. */
export interface Learning {
  /** A right answer consolidates the skill. */
  onSuccess: number;
  /** A wrong answer teaches too, a little less: the learner sees the failing tests and the hints. */
  onFailure: number;
  /**
   * The chance of success at which an attempt teaches most, or null when practice teaches the same
   * whatever the item's difficulty.
   */
  challengePeak: number | null;
  /** A skill's usable ability stays within this much of its weakest prerequisite's. */
  prerequisiteSlack: number;
  /** The P(correct) on a skill's hardest item that counts as mastery. */
  mastery: number;
}

/**
 * Practice teaches most where the answer is in doubt but likely right. For a learner with a
 * logistic response, the argument of Wilson et al. (2019, "The Eighty Five Percent Rule for
 * optimal learning") puts the best chance of success at about 82%; items far too easy teach
 * almost nothing new, items far too hard little even with feedback.
 */
export const DEFAULT_LEARNING: Learning = {
  onSuccess: 0.4,
  onFailure: 0.2,
  challengePeak: 0.82,
  prerequisiteSlack: 0.5,
  mastery: 0.8,
};

/** Practice that teaches the same on every item: the case the target band cannot help. */
export const FLAT_LEARNING: Learning = { ...DEFAULT_LEARNING, challengePeak: null };

/** How much of an attempt's rate is learnt at success chance p: p^k (1 - p), 1 at its peak k / (k + 1). */
function challenge(p: number, peak: number | null): number {
  if (peak === null) return 1;
  const k = peak / (1 - peak);
  return (p ** k * (1 - p)) / (peak ** k * (1 - peak));
}

/** One simulated learner (IRT with learning): the truth the policies never see. */
export class SimulatedLearner {
  readonly #scenario: Scenario;
  readonly #learning: Learning;
  readonly #theta: number[];
  readonly #hardest: SimItem[];

  constructor(scenario: Scenario, abilities: number[], learning: Learning) {
    this.#scenario = scenario;
    this.#learning = learning;
    this.#theta = [...abilities];
    this.#hardest = [];
    for (const item of scenario.items) {
      const known = this.#hardest[item.skill];
      if (!known || item.b > known.b) this.#hardest[item.skill] = item;
    }
  }

  /**
   * What a skill's prerequisites let the learner use of it: shaky foundations cap it. Prerequisites
   * come before their dependants in the skill numbering, so the recursion ends.
   */
  #cap(skill: number): number {
    return this.#scenario.requires[skill]!.reduce(
      (cap, r) => Math.min(cap, this.effective(r) + this.#learning.prerequisiteSlack),
      Infinity,
    );
  }

  /** The ability the learner can use on a skill. */
  effective(skill: number): number {
    return Math.min(this.#theta[skill]!, this.#cap(skill));
  }

  pCorrect(item: SimItem): number {
    return sigmoid(this.effective(item.skill) - item.b);
  }

  /** Answers, then learns. What is learnt on top of weak prerequisites does not stick: ability does not grow past their cap. */
  attempt(item: SimItem, random: Random): boolean {
    const p = this.pCorrect(item);
    const correct = random() < p;
    const { onSuccess, onFailure, challengePeak } = this.#learning;
    const theta = this.#theta[item.skill]!;
    const grown = theta + (correct ? onSuccess : onFailure) * challenge(p, challengePeak);
    this.#theta[item.skill] = Math.max(theta, Math.min(grown, this.#cap(item.skill)));
    return correct;
  }

  /** Mastery: on every skill, the hardest item is right with at least the mastery probability. */
  mastered(): boolean {
    return this.#hardest.every((item) => this.pCorrect(item) >= this.#learning.mastery);
  }
}
