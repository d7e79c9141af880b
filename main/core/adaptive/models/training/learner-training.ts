import Database from 'better-sqlite3';
import { say } from '../../../../../common/i18n/message.js';
import type { Said } from '../../../../../common/i18n/message.js';
import { DeepKt } from '../deep-kt.js';
import { PracticeHistory } from '../../practice-history.js';
import { SkillIndex } from '../inference/skill-index.js';
import { APP_MODEL, loadTrained, saveTrained } from '../storage/trained-model.js';

export interface TrainJob {
  /** The core database, opened read-only. */
  dbFile: string;
  /** Where the trained model is written. */
  outFolder: string;
  /** A model to fine-tune (the last one trained here, or a pack's); skill ids without a pack get `base.packId`. */
  base?: { folder: string; packId?: string };
  /** Training from scratch waits for this many answers; fine-tuning a base model does not. */
  minAnswers: number;
  epochs?: number;
}

export type TrainOutcome =
  | {
      trained: true;
      learners: number;
      answers: number;
      seconds: number;
      /**
       * The process's peak resident memory so far, in MB (the worker shares its process): in a
       * process of its own, what training needed; in the app, the app's peak and training's together.
       */
      peakMb: number;
      fineTuned: boolean;
      /** What went differently from the plan (a base model that did not load), for the log. */
      note?: Said;
    }
  | { trained: false; reason: string };

/** Every learner's graded answers, oldest first, read from the event log. */
function readAnswers(dbFile: string) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const history = new PracticeHistory(db);
    const learners = db
      .prepare<[], { id: string }>(
        `SELECT DISTINCT learner_id AS id FROM events WHERE type IN ('ExerciseSubmitted', 'QuizAnswered') ORDER BY id`,
      )
      .all();
    return learners.map(({ id }) => history.latest(id, Number.MAX_SAFE_INTEGER).reverse());
  } finally {
    db.close();
  }
}

const qualify = (packId: string | undefined) => (skill: string) =>
  packId && !skill.includes('/') ? `${packId}/${skill}` : skill;

/**
 * Trains the app's deep model on the answers of every learner of this install (what a trainer
 * worker runs): fine-tunes the base model when there is one that loads, else trains from scratch
 * once there are enough answers. Writes the model atomically; throws only on I/O failures.
 */
export async function trainOnLog(job: TrainJob): Promise<TrainOutcome> {
  const started = performance.now();
  let base: { model: DeepKt; skills: string[]; prior: string | null } | undefined;
  let note: Said | undefined;
  if (job.base) {
    try {
      // A lower rate and fewer passes: a few local answers should adjust the model, not overwrite it.
      const { model, metadata } = await loadTrained(job.base.folder, {
        ...APP_MODEL,
        learningRate: 0.001,
        epochs: job.epochs ?? 3,
      });
      base = { model, skills: metadata.skills.map(qualify(job.base.packId)), prior: job.base.packId ?? metadata.prior };
    } catch (error) {
      note = say('model-base-unreadable', { error: (error as Error).message });
    }
  }
  const index = new SkillIndex(base?.skills ?? []);
  const learners = readAnswers(job.dbFile).map((list) => list.filter((a) => a.skills.length > 0));
  const sequences = learners.map((list) => index.sequenceOf(list, true)).filter((s) => s.skills.length > 0);
  const answers = learners.reduce((n, list) => n + list.length, 0);
  if (answers < (base ? 1 : job.minAnswers)) {
    base?.model.dispose();
    return { trained: false, reason: `${answers} answers of the ${base ? 1 : job.minAnswers} training needs` };
  }
  const model = base?.model ?? new DeepKt({ ...APP_MODEL, ...(job.epochs ? { epochs: job.epochs } : {}) });
  try {
    await model.fit(sequences);
    await saveTrained(model, job.outFolder, {
      skills: [...index.names],
      learners: sequences.length,
      answers,
      trainedAt: new Date().toISOString(),
      prior: base?.prior ?? null,
    });
  } finally {
    model.dispose();
  }
  return {
    trained: true,
    learners: sequences.length,
    answers,
    seconds: (performance.now() - started) / 1000,
    // maxRSS is in kilobytes (getrusage, on every platform Node runs on).
    peakMb: process.resourceUsage().maxRSS / 1024,
    fineTuned: base !== undefined,
    ...(note ? { note } : {}),
  };
}
