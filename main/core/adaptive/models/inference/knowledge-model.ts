import { asField, say } from '../../../../../common/i18n/message.js';
import type { MessageRef, Said } from '../../../../../common/i18n/message.js';
import type { Logger } from '../../../../../infra/log/logger.js';
import type { PracticeHistory } from '../../practice-history.js';
import { calibrate, sigmoid } from '../calibration.js';
import type { DeepKt } from '../deep-kt.js';
import { ModelFileError } from '../storage/model-store.js';
import type { ModelStore } from '../storage/model-store.js';
import type { ModelTrainer } from '../training/model-trainer.js';
import { LearnerStates } from './learner-states.js';
import { SkillIndex } from './skill-index.js';
import { loadTrained } from '../storage/trained-model.js';

/** The model trained on this install's own answers, under `<dataDir>/models/`. */
export const LOCAL_MODEL = 'learners';
/** A model trained from scratch here is trusted only with this much of the learner's history. */
export const MIN_HISTORY = 20;

export interface ModelStatus {
  state: 'loaded' | 'missing' | 'corrupt';
  /** Which model, or what is wrong, in words (English, for logs and `--json`). */
  detail: string;
  /** The same as a catalog message, for a face to say in the reader's language. */
  said: Said;
}

export type DeepPrediction =
  { probability: number; confidence: number; model: string; modelI18n: MessageRef } | { note: Said };

const statusOf = (state: ModelStatus['state'], said: Said): ModelStatus => ({ state, detail: said.text, said });

interface Loaded {
  model: DeepKt;
  index: SkillIndex;
  /** Which model, in words: its name and where it came from. */
  label: Said;
  /** Answers of the learner's own before the model is used: 1 for a model that began from a class's data. */
  minHistory: number;
  /** Answers the model was trained on here (0 for a pack's). */
  trainedOn: number;
  fromPack: boolean;
  /** Each learner's recurrent state (the LSTM); undefined for a model that reads its window each time. */
  states: LearnerStates | undefined;
}

export interface Prior {
  packId: string;
  folder: string;
}

const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

/**
 * Serves the deep model: the one trained on this install's answers, else a model shipped with a
 * pack. Loads lazily and again after each training run. A missing or damaged file never fails a
 * prediction: it is logged, reported in the answer's note, and a retrain is requested.
 */
export class KnowledgeModel {
  readonly #deps;
  #loaded: Loaded | undefined;
  #loading: Promise<void> | undefined;
  #status: ModelStatus = statusOf('missing', say('model-not-loaded-yet'));

  constructor(deps: {
    store: ModelStore;
    /** Models the installed packs ship, in a stable order. */
    priors: () => Promise<Prior[]>;
    history: Pick<PracticeHistory, 'latest' | 'answersAfter' | 'count'>;
    /** Moves whenever a learner's log may have changed (LearnerStates serves a kept state while it stands still). */
    answersVersion?: (learnerId: string) => string;
    /** Graded answers of all learners so far (what decides when to train again). */
    countAnswers: () => number;
    trainer: ModelTrainer | undefined;
    logger: Logger;
  }) {
    this.#deps = deps;
  }

  /** What `lionlearn doctor` shows; loads the model first if it was not yet. */
  async status(): Promise<ModelStatus> {
    await this.#ensureLoaded();
    return this.#status;
  }

  /** The chance the learner answers content on `skills` right next, or why the deep model cannot say. */
  async predict(learnerId: string, skills: readonly string[]): Promise<DeepPrediction> {
    return (await this.predictMany(learnerId, [skills]))[0]!;
  }

  /**
   * `predict` for many contents at once (a recommendation's candidates): the learner's history is
   * read once and each distinct skill scored once, however many contents share it.
   */
  async predictMany(learnerId: string, contents: readonly (readonly string[])[]): Promise<DeepPrediction[]> {
    const loaded = await this.#current();
    this.#deps.trainer?.poke(this.#deps.countAnswers(), loaded?.trainedOn ?? 0);
    if (!loaded) return contents.map(() => ({ note: this.#status.said }));
    const known = contents.map((skills) =>
      skills.map((s) => loaded.index.numberOf(s)).filter((n): n is number => n !== undefined),
    );
    const distinct = [...new Set(known.flat())];
    const { answers, logits } = this.#logits(loaded, learnerId, distinct);
    const chance = new Map(distinct.map((skill, i) => [skill, calibrate(loaded.model.calibration, logits[i]!)]));
    // Grows with the history the model reads, which spans all skills (not only this content's).
    const read = Math.min(answers, loaded.model.window);
    const confidence = read / (read + 10);
    return known.map((skills) => {
      if (skills.length === 0) return { note: say('model-unknown-skills', { model: loaded.label }) };
      if (answers < loaded.minHistory)
        return { note: say('model-needs-history', { model: loaded.label, count: loaded.minHistory, answers }) };
      // Several skills: the mean logit, as the simple model does, so more tags do not mean more certainty.
      const probability = sigmoid(skills.reduce((sum, k) => sum + logit(chance.get(k)!), 0) / skills.length);
      return { probability, confidence, ...asField('model', loaded.label) };
    });
  }

  /** The learner's answers so far and the logit of each skill next: one step per new answer, or a pass over the window. */
  #logits(loaded: Loaded, learnerId: string, skills: readonly number[]): { answers: number; logits: number[] } {
    if (loaded.states) {
      const { state, answers } = loaded.states.current(learnerId);
      return { answers, logits: skills.length > 0 ? loaded.model.stepper()!.logits(state, skills) : [] };
    }
    const attempts = this.#deps.history.latest(learnerId, loaded.model.window).reverse();
    if (skills.length === 0 || attempts.length < loaded.minHistory) return { answers: attempts.length, logits: [] };
    const sequence = loaded.index.sequenceOf(attempts, false);
    return { answers: attempts.length, logits: loaded.model.predictNextLogits(sequence, skills) };
  }

  /** Forgets the loaded model, so the next prediction reads the newly saved one. */
  reload(): void {
    this.#loaded?.model.dispose();
    this.#loaded = undefined;
    this.#loading = undefined;
  }

  close(): void {
    this.reload();
  }

  #ensureLoaded(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  /** The model once loaded; if a reload came while waiting, the newer one. */
  async #current(): Promise<Loaded | undefined> {
    for (;;) {
      const loading = this.#ensureLoaded();
      await loading;
      if (loading === this.#loading) return this.#loaded;
    }
  }

  async #load(): Promise<void> {
    const { store, logger } = this.#deps;
    try {
      const { model, metadata } = await loadTrained(store.folder(LOCAL_MODEL));
      this.#use({
        model,
        index: new SkillIndex(metadata.skills),
        label: say('model-trained-here', { name: model.name }),
        minHistory: metadata.prior ? 1 : MIN_HISTORY,
        trainedOn: metadata.answers,
        fromPack: false,
      });
      return;
    } catch (error) {
      if (!(error instanceof ModelFileError && error.state === 'missing')) {
        return this.#damaged(say('model-damaged-here', { detail: (error as Error).message }));
      }
    }
    const [prior] = await this.#deps.priors();
    if (!prior) {
      this.#status = statusOf('missing', say('model-none-yet'));
      return;
    }
    try {
      const { model, metadata } = await loadTrained(prior.folder);
      const qualified = metadata.skills.map((s) => (s.includes('/') ? s : `${prior.packId}/${s}`));
      this.#use({
        model,
        index: new SkillIndex(qualified),
        label: say('model-from-pack', { name: model.name, packId: prior.packId }),
        minHistory: 1,
        trainedOn: 0,
        fromPack: true,
      });
    } catch (error) {
      logger.warn({ error: (error as Error).message }, 'the model shipped with a pack cannot be read');
      this.#status = statusOf('corrupt', say('model-pack-damaged', { packId: prior.packId }));
    }
  }

  #use(found: Omit<Loaded, 'states'>): void {
    const stepper = found.model.stepper();
    const states = stepper && new LearnerStates(stepper, found.index, this.#deps.history, this.#deps.answersVersion);
    const loaded = { ...found, states };
    this.#loaded = loaded;
    this.#status = statusOf('loaded', loaded.label);
  }

  #damaged(detail: Said): void {
    this.#deps.logger.warn(
      { detail: detail.text },
      'the adaptive model cannot be used; the simple model answers until it is retrained',
    );
    this.#status = statusOf('corrupt', say('model-damaged-retraining', { detail }));
    void this.#deps.trainer?.run();
  }

  /** The folder and pack of the model training should start from: the one trained here if it loads, else a pack's. */
  async base(): Promise<{ folder: string; packId?: string } | undefined> {
    await this.#ensureLoaded();
    if (this.#loaded && !this.#loaded.fromPack) return { folder: this.#deps.store.folder(LOCAL_MODEL) };
    const [prior] = await this.#deps.priors();
    return prior && { folder: prior.folder, packId: prior.packId };
  }
}
