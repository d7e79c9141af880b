import { parentPort, workerData } from 'node:worker_threads';
import { trainOnLog } from './learner-training.js';
import type { TrainJob } from './learner-training.js';

// The entry of the trainer's worker thread: one job per thread, its outcome posted back.
try {
  parentPort!.postMessage({ ok: true, outcome: await trainOnLog(workerData as TrainJob) });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
