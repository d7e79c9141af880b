import pLimit from 'p-limit';
import { scoreFolds } from './fold-scoring.js';
import type { FoldEpoch, FoldPair, Scored } from './fold-scoring.js';
import type { ModelRecipe } from './model-recipe.js';
import { ScoringProcesses } from './scoring-processes.js';

export interface FittingOptions {
  /**
   * How many models are fitted at once. Above 1 each deep model is fitted in a process of its own,
   * `worker` (ScoringProcesses), which `jobs` above 1 needs; the simple ones stay in this thread.
   */
  jobs?: number;
  worker?: string | URL;
}

/**
 * Where evaluate fits its models, in the order asked, `jobs` at a time. One queue can serve several
 * evaluations (both protocols), so a core freed by one takes the other's next model.
 */
export class FittingQueue {
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #processes: ScoringProcesses | undefined;

  constructor({ jobs = 1, worker }: FittingOptions = {}) {
    if (jobs > 1 && !worker) throw new Error('fitting models side by side needs the scoring worker');
    this.#limit = pLimit(jobs);
    this.#processes = jobs > 1 ? new ScoringProcesses(worker!) : undefined;
  }

  score(recipe: ModelRecipe, pairs: readonly FoldPair[], onEpoch?: FoldEpoch): Promise<Scored> {
    return this.#limit(() =>
      this.#processes && recipe.kind === 'deep'
        ? this.#processes.score(recipe, pairs, onEpoch)
        : scoreFolds(recipe, pairs, onEpoch),
    );
  }

  /** Drops the models waiting, and ends those fitting in processes (after a failure: the evaluation is lost). */
  stop(): void {
    this.#limit.clearQueue();
    this.#processes?.stop();
  }
}
