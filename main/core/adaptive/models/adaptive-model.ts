import { join } from 'node:path';
import type { Logger } from '../../../../infra/log/logger.js';
import type { SqliteDatabase } from '../../../../infra/sqlite/open-database.js';
import { KnowledgeModel, LOCAL_MODEL } from './inference/knowledge-model.js';
import type { Prior } from './inference/knowledge-model.js';
import { ModelStore } from './storage/model-store.js';
import type { TrainJob } from './training/learner-training.js';
import { ModelTrainer } from './training/model-trainer.js';
import { PracticeHistory } from '../practice-history.js';

export interface AdaptiveModelOptions {
  /** The compiled trainer worker; without it the deep model is served but not trained on this machine. */
  trainerScript?: string | URL;
  /** New answers (of all learners) that call for another training run. */
  retrainEvery?: number;
  /** Answers needed before a model is trained here from scratch. */
  minAnswers?: number;
  /** Training passes per run (at most; early stopping may end sooner). */
  epochs?: number;
}

/** The deep model's parts: where it is stored, the trainer thread, and what serves its predictions. */
export function createAdaptiveModel(deps: {
  dataDir: string;
  dbFile: string;
  db: SqliteDatabase;
  priors: () => Promise<Prior[]>;
  /** Moves whenever a learner's log may have changed. */
  answersVersion?: (learnerId: string) => string;
  logger: Logger;
  options?: AdaptiveModelOptions;
}): { knowledge: KnowledgeModel; trainer: ModelTrainer | undefined; close(): Promise<void> } {
  const { retrainEvery = 50, minAnswers = 200, trainerScript, epochs } = deps.options ?? {};
  const store = new ModelStore(join(deps.dataDir, 'models'));
  // Read at every prediction: the projections' counters (a row per learner and item) give the same number
  // as counting the log's answers, without a scan that grows with the log.
  const answers = deps.db.prepare<[], { n: number }>(
    `SELECT (SELECT coalesce(sum(attempts), 0) FROM exercise_progress)
          + (SELECT coalesce(sum(attempts), 0) FROM quiz_progress) AS n`,
  );
  const trainer: ModelTrainer | undefined =
    trainerScript === undefined
      ? undefined
      : new ModelTrainer({
          script: trainerScript,
          every: retrainEvery,
          logger: deps.logger,
          job: async (): Promise<TrainJob> => {
            const base = await knowledge.base();
            return {
              dbFile: deps.dbFile,
              outFolder: store.folder(LOCAL_MODEL),
              minAnswers,
              ...(base ? { base } : {}),
              ...(epochs ? { epochs } : {}),
            };
          },
          onTrained: () => knowledge.reload(),
        });
  const knowledge: KnowledgeModel = new KnowledgeModel({
    store,
    priors: deps.priors,
    history: new PracticeHistory(deps.db),
    ...(deps.answersVersion ? { answersVersion: deps.answersVersion } : {}),
    countAnswers: () => answers.get()!.n,
    trainer,
    logger: deps.logger,
  });
  return {
    knowledge,
    trainer,
    close: async () => {
      await trainer?.close();
      knowledge.close();
    },
  };
}
