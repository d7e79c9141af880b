import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EpochReport } from '../models/deep-kt.js';
import type { Sequence } from '../models/sequence.js';
import type { FoldEpoch, FoldPair, Scored } from './fold-scoring.js';
import type { ModelRecipe } from './model-recipe.js';
import { recipeName } from './model-recipe.js';

/** What this process sends the scoring process: the learners once, and each fold as indices into them. */
export interface ScoringRequest {
  recipe: ModelRecipe;
  learners: Sequence[];
  folds: [train: number[], test: number[]][];
}

/** What the scoring process sends back: each epoch as it ends, then its predictions or why it failed. */
export type ScoringMessage =
  | { type: 'epoch'; fold: number; report: EpochReport }
  | { type: 'scored'; scored: Scored }
  | { type: 'failed'; message: string };

/**
 * Fits models in processes of their own (scoring-worker.ts, built to dist/workers/kt-scoring.mjs),
 * so several use several cores, and each model's peak memory is its own process's. A process is
 * stopped when the scoring is (stop), and stops itself when this process goes away.
 */
export class ScoringProcesses {
  readonly #script: string;
  readonly #children = new Set<ChildProcess>();

  constructor(script: string | URL) {
    this.#script = script instanceof URL ? fileURLToPath(script) : script;
  }

  score(recipe: ModelRecipe, pairs: readonly FoldPair[], onEpoch?: FoldEpoch): Promise<Scored> {
    const name = recipeName(recipe);
    if (!existsSync(this.#script)) {
      return Promise.reject(new Error(`${name}: the scoring worker ${this.#script} is not built (npm run build)`));
    }
    const index = new Map<Sequence, number>();
    const at = (s: Sequence) => index.get(s) ?? index.set(s, index.size).get(s)!;
    const request: ScoringRequest = {
      recipe,
      folds: pairs.map(([train, test]) => [train.map(at), test.map(at)]),
      learners: [...index.keys()],
    };
    // Its stdout goes to this process's stderr: what TensorFlow.js prints must not reach a --json answer.
    const child = fork(this.#script, [], { serialization: 'advanced', stdio: ['ignore', 2, 'inherit', 'ipc'] });
    this.#children.add(child);
    return new Promise<Scored>((resolve, reject) => {
      child.on('message', (message: ScoringMessage) => {
        if (message.type === 'epoch') onEpoch?.(message.fold, message.report);
        else if (message.type === 'scored') resolve(message.scored);
        else reject(new Error(`${name}: ${message.message}`));
      });
      child.once('error', (error) => reject(new Error(`${name}: ${error.message}`)));
      child.once('exit', (code, signal) =>
        reject(new Error(`${name}: its process ended (${signal ?? `exit code ${code}`}) before it was done`)),
      );
      child.send(request);
    }).finally(() => {
      this.#children.delete(child);
      child.kill();
    });
  }

  /** Ends every process still fitting (their work is dropped). */
  stop(): void {
    for (const child of this.#children) child.kill();
  }
}
