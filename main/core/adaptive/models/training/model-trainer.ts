import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../../../infra/log/logger.js';
import type { TrainJob, TrainOutcome } from './learner-training.js';

export interface TrainerOptions {
  /** The compiled kt-trainer-worker (dist/workers/kt-trainer.mjs in a build). */
  script: string | URL;
  /** Answers since the model was trained (or since the last run) that call for another run. */
  every: number;
  /** The job as things stand when a run starts. */
  job: () => Promise<TrainJob>;
  logger: Logger;
  /** Called after a run that saved a model. */
  onTrained: (outcome: Extract<TrainOutcome, { trained: true }>) => void;
}

/**
 * Trains the deep model in a worker thread, one run at a time, so the main thread never waits on
 * TensorFlow. A run starts when `every` answers have arrived since the model was trained, or on
 * request (after a damaged model file was found).
 */
export class ModelTrainer {
  readonly #o: TrainerOptions;
  #running: Promise<TrainOutcome> | undefined;
  #worker: Worker | undefined;
  #startedAt = -Infinity;
  #closed = false;

  constructor(options: TrainerOptions) {
    this.#o = options;
  }

  /** Starts a run when enough answers arrived since the model's training and since the last run. */
  poke(answers: number, trainedOn: number): void {
    if (answers - Math.max(trainedOn, this.#startedAt) >= this.#o.every) void this.run(answers);
  }

  /** Starts a run (or joins the one in progress) and resolves with its outcome; never rejects. */
  run(answers = 0): Promise<TrainOutcome> {
    if (this.#closed) return Promise.resolve({ trained: false, reason: 'the app is closing' });
    if (this.#running) return this.#running;
    this.#startedAt = answers;
    const started = this.#o.job().then(
      (job) =>
        new Promise<TrainOutcome>((resolve) => {
          if (this.#closed) return resolve({ trained: false, reason: 'the app is closing' });
          const worker = new Worker(this.#o.script, { workerData: job });
          this.#worker = worker;
          worker.once('message', (message: { ok: true; outcome: TrainOutcome } | { ok: false; error: string }) =>
            resolve(message.ok ? message.outcome : { trained: false, reason: message.error }),
          );
          worker.once('error', (error) => resolve({ trained: false, reason: error.message }));
          worker.once('exit', (code) => resolve({ trained: false, reason: `the trainer stopped (exit code ${code})` }));
        }),
      (error: unknown) => ({ trained: false as const, reason: (error as Error).message }),
    );
    this.#running = started.then((outcome) => {
      void this.#worker?.terminate();
      this.#worker = undefined;
      this.#running = undefined;
      if (outcome.trained) {
        this.#o.logger.info({ outcome }, 'the adaptive model was trained');
        if (!this.#closed) this.#o.onTrained(outcome);
      } else if (!this.#closed) this.#o.logger.warn({ reason: outcome.reason }, 'the adaptive model was not trained');
      return outcome;
    });
    return this.#running;
  }

  /** Whether a worker thread is training now. */
  get training(): boolean {
    return this.#worker !== undefined;
  }

  /** The run in progress, if any. */
  settled(): Promise<TrainOutcome | undefined> {
    return this.#running ?? Promise.resolve(undefined);
  }

  /** Stops a run in progress; its partial work is dropped (the saved model is written only at the end). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#worker?.terminate();
    await this.#running;
  }
}
