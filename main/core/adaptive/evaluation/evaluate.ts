import type { Sequence } from './kt-data.js';
import { metrics } from './metrics.js';
import type { Metrics } from './metrics.js';
import type { KtModel } from '../models/simple-models.js';

export interface ModelScore extends Metrics {
  model: string;
  fitSeconds: number;
  /**
   * The process's peak resident memory once this model's fits are done, in MB: a running maximum
   * over the models scored so far (getrusage), so it is the deep model's own when it comes last.
   */
  peakMb: number;
}

/** mulberry32, so a fold split is the same on every run. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

async function score(make: () => KtModel, pairs: [readonly Sequence[], readonly Sequence[]][]): Promise<ModelScore> {
  const p: number[] = [];
  const y: number[] = [];
  let fitMs = 0;
  let name = '';
  for (const [train, test] of pairs) {
    const model = make();
    name = model.name;
    const started = performance.now();
    await model.fit(train);
    fitMs += performance.now() - started;
    const predicted = model.predictAll ? model.predictAll(test) : await Promise.all(test.map((s) => model.predict(s)));
    predicted.forEach((row, i) => {
      p.push(...row);
      y.push(...test[i]!.correct);
    });
  }
  return { model: name, fitSeconds: fitMs / 1000, peakMb: process.resourceUsage().maxRSS / 1024, ...metrics(p, y) };
}

/**
 * Scores each model predicting every answer from the same learner's earlier answers only: on a
 * held-out file when there is one, else on one held-out share of the learners (`split`), else by
 * k-fold cross-validation over learners.
 */
export interface EvaluateOptions {
  test?: readonly Sequence[];
  folds?: number;
  split?: number;
  seed?: number;
}

export async function evaluate(
  models: (() => KtModel)[],
  train: readonly Sequence[],
  options: EvaluateOptions = {},
): Promise<ModelScore[]> {
  let pairs: [readonly Sequence[], readonly Sequence[]][];
  if (options.test) pairs = [[train, options.test]];
  else if (options.split) {
    const random = rng(options.seed ?? 7);
    const held = train.map(() => random() < options.split!);
    pairs = [[train.filter((_, i) => !held[i]), train.filter((_, i) => held[i])]];
  } else {
    const folds = options.folds ?? 5;
    const random = rng(options.seed ?? 7);
    const fold = train.map(() => Math.floor(random() * folds));
    pairs = Array.from({ length: folds }, (_, f) => [
      train.filter((_, i) => fold[i] !== f),
      train.filter((_, i) => fold[i] === f),
    ]);
  }
  const scores: ModelScore[] = [];
  for (const make of models) scores.push(await score(make, pairs));
  return scores;
}
