import type { Sequence } from './kt-data.js';
import { metrics } from './metrics.js';
import type { Metrics } from './metrics.js';
import type { KtModel } from '../models/simple-models.js';
import { crossFittedBlend, STACK_PARTS } from './stacking.js';
import { stackHistory } from './stack-history.js';

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

/** A model's score, and its chances of every scored answer (in the same order for every model). */
interface Scored {
  score: ModelScore;
  p: number[];
  y: number[];
  /** Which part of each fold's test learners the answer's learner is in, for cross-fitted stacking (crossFittedBlend). */
  part: number[];
}

async function score(make: () => KtModel, pairs: [readonly Sequence[], readonly Sequence[]][]): Promise<Scored> {
  const p: number[] = [];
  const y: number[] = [];
  const part: number[] = [];
  let fitMs = 0;
  let name = '';
  for (const [train, test] of pairs) {
    const model = make();
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

/** Models stacked into one (crossFittedBlend), scored as a model of its own: `name` from the models named `of`. */
export interface Blend {
  name: string;
  of: string[];
  /** Whether the stack also reads the learner's past, on each answer's skill and over all skills (crossFittedBlend). */
  history?: boolean;
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
  /** Blends scored after the models, each where all its models were scored. */
  blends?: Blend[];
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
  const scored: Scored[] = [];
  for (const make of models) scored.push(await score(make, pairs));
  const byName = new Map(scored.map((s) => [s.score.model, s]));
  let history: Float32Array | undefined;
  const blended = (options.blends ?? []).flatMap(({ name, of, history: withHistory }) => {
    const parts = of.map((model) => byName.get(model));
    if (parts.some((part) => !part)) return [];
    const { y, part } = parts[0]!;
    // The test learners in the order their answers were scored.
    if (withHistory) history ??= concat(pairs.flatMap(([, test]) => test.map(stackHistory)));
    const p = crossFittedBlend(
      parts.map((part) => part!.p),
      y,
      part,
      withHistory ? history : undefined,
    );
    const fitSeconds = parts.reduce((sum, part) => sum + part!.score.fitSeconds, 0);
    return [{ model: name, fitSeconds, peakMb: process.resourceUsage().maxRSS / 1024, ...metrics(p, y) }];
  });
  return [...scored.map((s) => s.score), ...blended];
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
