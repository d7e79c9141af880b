import type { Sequence } from '../models/sequence.js';
import type { KtModel } from '../models/simple-models.js';
import { continuationPairs, continuesPair } from './continuations.js';

/**
 * Not a learner model: it measures the copy the common protocol allows. A row whose skill pair with
 * the row before is one answer's pair (found in the training learners only) gets that row's answer,
 * at the share of such pairs answered alike in training; every other row 0.5, which stacking reads
 * as no evidence. Stacked with a real model it shows how much of a common-protocol figure is copying.
 * A row marked as continuing its answer (the leak-free protocol) never reads the row before.
 */
export class ContinuationCopy implements KtModel {
  readonly name = 'continuation copy';
  #pairs: ReadonlySet<number> = new Set();
  #alike = 0.5;

  fit(train: readonly Sequence[]): void {
    this.#pairs = continuationPairs(train);
    let pairs = 0;
    let alike = 0;
    for (const s of train) {
      for (let i = 1; i < s.skills.length; i++) {
        if (!continuesPair(this.#pairs, s, i)) continue;
        pairs += 1;
        if (s.correct[i] === s.correct[i - 1]) alike += 1;
      }
    }
    this.#alike = (alike + 1) / (pairs + 2);
  }

  predict(sequence: Sequence): number[] {
    return sequence.skills.map((_, i) =>
      continuesPair(this.#pairs, sequence, i) && !sequence.continues?.[i]
        ? sequence.correct[i - 1]
          ? this.#alike
          : 1 - this.#alike
        : 0.5,
    );
  }
}
