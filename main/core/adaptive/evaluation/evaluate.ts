import type { EpochReport } from '../models/deep-kt.js';
import type { Sequence } from './kt-data.js';
import { metrics } from './metrics.js';
import type { FoldPair, ModelScore, Scored } from './fold-scoring.js';
import type { ModelRecipe } from './model-recipe.js';
import { recipeName } from './model-recipe.js';
import { FittingQueue } from './fitting-queue.js';
import type { FittingOptions } from './fitting-queue.js';
import { crossFittedBlend, crossFittedBoost } from './stacking.js';
import { stackHistory } from './stack-history.js';
import { stackContext } from './stack-context.js';
import { stackAnswers } from './stack-answers.js';
import { answerAuc } from './answer-scores.js';
import { seeded } from '../policy/seeded-random.js';

export type { ModelScore };

/** Models stacked into one (crossFittedBlend), scored as a model of its own: `name` from the models named `of`. */
export interface Blend {
  name: string;
  of: string[];
  /** Whether the stack also reads the learner's past, on each answer's skill and over all skills (crossFittedBlend). */
  history?: boolean;
  /**
   * Whether boosted trees stack it (crossFittedBoost) in place of the logistic regression, reading the models (and
   * with `history` the learner's past) on the other rows of each row's answer (stackAnswers); with `history`, the
   * trees also read where the learner is in the course (stackContext).
   */
  boosted?: boolean;
  /**
   * Whether it is scored in the common protocol only (evaluateProtocols): a stack of the continuation copy, which has
   * nothing to copy in the leak-free protocol, where it would repeat the stack without the copy, row for row.
   */
  commonOnly?: boolean;
}

/**
 * Scores each model predicting every answer from the same learner's earlier answers only: on a
 * held-out file when there is one, else on one held-out share of the learners (`split`), else by
 * k-fold cross-validation over learners.
 */
export interface EvaluateOptions extends FittingOptions {
  test?: readonly Sequence[];
  folds?: number;
  split?: number;
  seed?: number;
  /** Blends scored after the models, each where all its models were scored. */
  blends?: Blend[];
  /** Where the models are fitted: by default a queue of the evaluation's own, of `jobs` and `worker`. */
  queue?: FittingQueue;
  /** Called after each epoch of a deep model's fit. */
  onEpoch?: (epoch: ModelEpoch) => void;
}

/** An epoch of a deep model's fit on one of the folds (from 0). */
export interface ModelEpoch {
  model: string;
  fold: number;
  folds: number;
  report: EpochReport;
}

export async function evaluate(
  models: readonly ModelRecipe[],
  train: readonly Sequence[],
  options: EvaluateOptions = {},
): Promise<ModelScore[]> {
  let pairs: FoldPair[];
  if (options.test) pairs = [[train, options.test]];
  else if (options.split) {
    const random = seeded(options.seed ?? 7);
    const held = train.map(() => random() < options.split!);
    pairs = [[train.filter((_, i) => !held[i]), train.filter((_, i) => held[i])]];
  } else {
    const folds = options.folds ?? 5;
    const random = seeded(options.seed ?? 7);
    const fold = train.map(() => Math.floor(random() * folds));
    pairs = Array.from({ length: folds }, (_, f) => [
      train.filter((_, i) => fold[i] !== f),
      train.filter((_, i) => fold[i] === f),
    ]);
  }
  const scored = await scoreAll(models, pairs, options);
  const byName = new Map(scored.map((s) => [s.score.model, s]));
  // Of the test learners in the order their answers were scored: made once, for the first blend that reads them.
  const testRows = (read: (sequence: Sequence) => Float32Array) => concat(pairs.flatMap(([, test]) => test.map(read)));
  let history: Float32Array | undefined;
  let context: Float32Array | undefined;
  let answers: Float32Array | undefined;
  const blended = (options.blends ?? []).flatMap(({ name, of, history: withHistory, boosted }) => {
    const parts = of.map((model) => byName.get(model));
    if (parts.some((part) => !part)) return [];
    const { y, part } = parts[0]!;
    if (withHistory) history ??= testRows(stackHistory);
    if (withHistory && boosted) context ??= testRows(stackContext);
    if (boosted) answers ??= testRows(stackAnswers);
    const started = performance.now();
    const predictions = parts.map((part) => part!.p);
    const p = boosted
      ? crossFittedBoost(predictions, y, part, withHistory ? { history, context, answers } : { answers })
      : crossFittedBlend(predictions, y, part, withHistory ? history : undefined);
    // The stack's own fit counts too: boosted trees take minutes on ASSIST2015.
    const stacking = (performance.now() - started) / 1000;
    const fitSeconds = parts.reduce((sum, part) => sum + part!.score.fitSeconds, stacking);
    const score = { model: name, fitSeconds, peakMb: process.resourceUsage().maxRSS / 1024, ...metrics(p, y) };
    return [{ score, p, y }];
  });
  const all = [...scored, ...blended];
  // Scored the way pyKT scores a question of several skills, where an answer has several rows.
  const marks = (answers ??= testRows(stackAnswers));
  return all.map(({ score, p, y }) => {
    const perAnswer = answerAuc(p, y, marks);
    return perAnswer === undefined ? score : { ...score, answerAuc: perAnswer };
  });
}

/** Every model's folds, in the order given; the first failure stops the rest. */
async function scoreAll(
  models: readonly ModelRecipe[],
  pairs: FoldPair[],
  options: EvaluateOptions,
): Promise<Scored[]> {
  const queue = options.queue ?? new FittingQueue(options);
  const one = (recipe: ModelRecipe) => {
    const model = recipeName(recipe);
    const { onEpoch } = options;
    return queue.score(
      recipe,
      pairs,
      onEpoch && ((fold: number, report: EpochReport) => onEpoch({ model, fold, folds: pairs.length, report })),
    );
  };
  try {
    return await Promise.all(models.map(one));
  } catch (error) {
    queue.stop();
    throw error;
  }
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
