import type { MeasuredPace } from './recommendation.js';

/** Learners whose measured pace is kept; the least recently used is dropped (and measured again if it comes back). */
const KEPT_LEARNERS = 1000;

/**
 * Each learner's measured pace between recommendations. Measuring it reads and replays their latest
 * answers (most of what a recommendation cost once the catalog's reads were kept); it changes only
 * with their log or the catalog (difficulties), so it is kept under a version of both and measured
 * again once either moves. What is kept is never changed after it is measured (PaceEstimate.sample
 * only reads it).
 */
export class KeptPaces {
  readonly #kept = new Map<string, { version: string; measured: MeasuredPace }>();
  readonly #versionOf: (learnerId: string) => string;

  /** `versionOf` moves whenever the learner's answers or the catalog may have changed. */
  constructor(versionOf: (learnerId: string) => string) {
    this.#versionOf = versionOf;
  }

  of(learnerId: string, measure: () => MeasuredPace): MeasuredPace {
    const version = this.#versionOf(learnerId);
    const kept = this.#kept.get(learnerId);
    this.#kept.delete(learnerId);
    const measured = kept?.version === version ? kept.measured : measure();
    this.#kept.set(learnerId, { version, measured });
    if (this.#kept.size > KEPT_LEARNERS) this.#kept.delete(this.#kept.keys().next().value!);
    return measured;
  }
}
