import type { EpochReport } from '../models/deep-kt.js';
import type { Sequence } from '../models/sequence.js';
import { metrics } from './metrics.js';
import type { Metrics } from './metrics.js';
import { makeModel } from './model-recipe.js';
import type { ModelRecipe } from './model-recipe.js';
import { STACK_PARTS } from './stacking.js';

export interface ModelScore extends Metrics {
  model: string;
  fitSeconds: number;
  /**
   * Peak resident memory in MB (getrusage) of the process that fitted the model: a process of its
   * own when models are fitted side by side (evaluate's `jobs`); else this process's running maximum
   * over the models scored so far, so it is the deep model's own when it comes last.
   */
  peakMb: number;
  /**
   * AUC with each multi-skill answer scored once, from the mean of its rows (answerAuc): set only where some answer
   * has several rows, in the leak-free protocol.
   */
  answerAuc?: number;
}

/** The learners a fold trains on, and those it scores. */
export type FoldPair = [train: readonly Sequence[], test: readonly Sequence[]];

/** A model's score, and its chances of every scored answer (in the same order for every model). */
export interface Scored {
  score: ModelScore;
  p: number[];
  y: number[];
  /** Which part of each fold's test learners the answer's learner is in, for cross-fitted stacking (crossFittedBlend). */
  part: number[];
}

/** Called after each epoch of a deep model's fit on fold `fold` (from 0). */
export type FoldEpoch = (fold: number, report: EpochReport) => void;

/** Fits a fresh model of `recipe` on each fold's training learners, in this thread, and predicts its test learners. */
export async function scoreFolds(
  recipe: ModelRecipe,
  pairs: readonly FoldPair[],
  onEpoch?: FoldEpoch,
): Promise<Scored> {
  const p: number[] = [];
  const y: number[] = [];
  const part: number[] = [];
  let fitMs = 0;
  let name = '';
  for (const [fold, [train, test]] of pairs.entries()) {
    const model = makeModel(recipe, onEpoch && ((report) => onEpoch(fold, report)));
    name = model.name;
    const started = performance.now();
    await model.fit(train);
    fitMs += performance.now() - started;
    const predicted = model.predictAll ? model.predictAll(test) : await Promise.all(test.map((s) => model.predict(s)));
    // A fold's model is done with: five folds of a deep model would otherwise hold five sets of weights.
    model.dispose?.();
    predicted.forEach((row, i) => {
      p.push(...row);
      y.push(...test[i]!.correct);
      part.push(...row.map(() => i % STACK_PARTS));
    });
  }
  const score = {
    model: name,
    fitSeconds: fitMs / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    ...metrics(p, y),
  };
  return { score, p, y, part };
}
