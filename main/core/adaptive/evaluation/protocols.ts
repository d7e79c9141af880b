import { asRows } from '../models/sequence.js';
import type { Sequence } from '../models/sequence.js';
import { markContinuations } from './continuations.js';
import { evaluate } from './evaluate.js';
import { FittingQueue } from './fitting-queue.js';
import type { EvaluateOptions, ModelEpoch, ModelScore } from './evaluate.js';
import type { ModelRecipe } from './model-recipe.js';

export interface ProtocolScores {
  /** Every row an answer of its own, as the published tables score them. */
  common: ModelScore[];
  /** A multi-skill answer one step: its rows predicted together from the answers before it, trained the same way. */
  leakFree: ModelScore[];
  /** Rows found to continue the answer before them (in the training and the test data), of all rows. */
  continuations: { rows: number; of: number; pairs: number };
}

export type Protocol = 'common' | 'leak-free';

export interface ProtocolOptions extends Omit<EvaluateOptions, 'onEpoch'> {
  /** Called after each epoch of a deep model's fit, in either protocol. */
  onEpoch?: (epoch: ModelEpoch & { protocol: Protocol }) => void;
}

/**
 * Both protocols on the same learners and folds. The common one lets a sequence model read the
 * first row of a multi-skill answer to predict the next, whose label is the same: a copy the app
 * never has when it predicts a new exercise. The leak-free one is what the app can expect.
 */
export async function evaluateProtocols(
  models: readonly ModelRecipe[],
  train: readonly Sequence[],
  { onEpoch, ...options }: ProtocolOptions = {},
): Promise<ProtocolScores> {
  const rows = (list: readonly Sequence[]) => list.map(asRows);
  // One queue for both protocols: with several jobs, the leak-free fits start as soon as a core is free.
  const queue = options.queue ?? new FittingQueue(options);
  const inProtocol = (protocol: Protocol): EvaluateOptions => ({
    ...options,
    queue,
    ...(onEpoch ? { onEpoch: (epoch: ModelEpoch) => onEpoch({ ...epoch, protocol }) } : {}),
  });
  // Pairs are found on all the data given: which skills one item carries is a property of the item bank, not of a learner.
  const marked = markContinuations([...train, ...(options.test ?? [])]);
  const markedTrain = marked.sequences.slice(0, train.length);
  const markedTest = options.test ? marked.sequences.slice(train.length) : undefined;
  const commonRun = evaluate(models, rows(train), {
    ...inProtocol('common'),
    ...(options.test ? { test: rows(options.test) } : {}),
  });
  const leakFreeRun =
    marked.rows === 0
      ? commonRun
      : evaluate(models, markedTrain, {
          ...inProtocol('leak-free'),
          ...(options.blends ? { blends: options.blends.filter((blend) => !blend.commonOnly) } : {}),
          ...(markedTest ? { test: markedTest } : {}),
        });
  const of = marked.sequences.reduce((n, s) => n + s.skills.length, 0);
  const [common, leakFree] = await Promise.all([commonRun, leakFreeRun]);
  return {
    common,
    leakFree,
    continuations: { rows: marked.rows, of, pairs: marked.pairs },
  };
}
