import { DeepKt } from '../models/deep-kt.js';
import type { DeepKtOptions, EpochReport } from '../models/deep-kt.js';
import { Bkt, Elo, ItemAverage, Pfa } from '../models/simple-models.js';
import type { KtModel } from '../models/simple-models.js';
import { ContinuationCopy } from './continuation-copy.js';

/**
 * A model to score, as data rather than as an object: evaluate makes it in whichever thread or
 * process fits it (scoring-processes.ts sends it to a process of its own), so it must survive being
 * sent there. A deep model's options are all of DeepKtOptions but its callback.
 */
export type ModelRecipe =
  | { kind: 'item-average' | 'bkt' | 'pfa' | 'elo' | 'continuation-copy' }
  | { kind: 'deep'; options: Omit<DeepKtOptions, 'onEpoch'> };

const SIMPLE = {
  'item-average': () => new ItemAverage(),
  bkt: () => new Bkt(),
  pfa: () => new Pfa(),
  elo: () => new Elo(),
  'continuation-copy': () => new ContinuationCopy(),
} satisfies Record<Exclude<ModelRecipe['kind'], 'deep'>, () => KtModel>;

/** The simple models and the continuation copy, as `model eval` scores them beside the deep ones. */
export const SIMPLE_RECIPES: readonly ModelRecipe[] = (['item-average', 'bkt', 'pfa', 'elo'] as const).map((kind) => ({
  kind,
}));

/** A fresh, unfitted model of `recipe`; a deep one reports each epoch to `onEpoch`. */
export function makeModel(recipe: ModelRecipe, onEpoch?: (report: EpochReport) => void): KtModel {
  if (recipe.kind !== 'deep') return SIMPLE[recipe.kind]();
  return new DeepKt({ ...recipe.options, ...(onEpoch ? { onEpoch: (_e, _l, report) => onEpoch(report) } : {}) });
}

/** What the tables call the model of `recipe`, without fitting it. */
export const recipeName = (recipe: ModelRecipe): string => makeModel(recipe).name;
