import type { AnswerMark, PracticeHistory } from '../../practice-history.js';
import type { LstmState, LstmStepper } from '../networks/lstm-step.js';
import { tokenOf } from '../networks/kt-network.js';
import type { SkillIndex } from './skill-index.js';

/** A first read (or a re-read) replays at most this many of the learner's latest answers. */
export const REPLAY_ANSWERS = 2000;
/** Learners whose state is kept; the least recently used is dropped (and replayed if it comes back). */
const KEPT_LEARNERS = 1000;

interface Kept {
  state: LstmState;
  mark: AnswerMark | undefined;
  /** The learner's answers in the log when the state was last brought up to date. */
  answers: number;
  /** The version of the learner's log it was brought up to date at. */
  version: string | undefined;
}

/**
 * Each learner's recurrent state between answers, so a prediction costs one step per answer given
 * since the last one, not a pass over the history. The log is the truth: the state is brought up to
 * date from it at every read, and replayed from scratch when the count of answers says one arrived
 * out of order (a sync from another device) or went away.
 */
export class LearnerStates {
  readonly #kept = new Map<string, Kept>();
  readonly #stepper: LstmStepper;
  readonly #index: SkillIndex;
  readonly #history: Pick<PracticeHistory, 'answersAfter' | 'count'>;
  readonly #versionOf: ((learnerId: string) => string) | undefined;

  /**
   * `versionOf`, where given, moves whenever the learner's log may have changed: while it stands still
   * the kept state is served without counting the log's answers (a count walks all of a learner's
   * rows: 2 ms at 20,000 events).
   */
  constructor(
    stepper: LstmStepper,
    index: SkillIndex,
    history: Pick<PracticeHistory, 'answersAfter' | 'count'>,
    versionOf?: (learnerId: string) => string,
  ) {
    this.#stepper = stepper;
    this.#index = index;
    this.#history = history;
    this.#versionOf = versionOf;
  }

  /** The learner's state after every answer in the log (the latest REPLAY_ANSWERS), and how many answers there are. */
  current(learnerId: string): { state: LstmState; answers: number } {
    const version = this.#versionOf?.(learnerId);
    let kept = this.#kept.get(learnerId);
    this.#kept.delete(learnerId);
    if (kept && version !== undefined && kept.version === version) {
      this.#kept.set(learnerId, kept);
      return { state: kept.state, answers: kept.answers };
    }
    const answers = this.#history.count(learnerId);
    if (kept && answers < kept.answers) kept = undefined;
    else if (kept && answers > kept.answers) {
      const { answers: added, mark } = this.#history.answersAfter(learnerId, kept.mark, answers - kept.answers + 1);
      if (kept.answers + added.length === answers) {
        this.#read(kept.state, added);
        kept = { state: kept.state, mark, answers, version };
      } else kept = undefined;
    }
    if (!kept) {
      const { answers: all, mark } = this.#history.answersAfter(learnerId, undefined, REPLAY_ANSWERS);
      const state = this.#stepper.start();
      this.#read(state, all);
      kept = { state, mark, answers, version };
    }
    this.#kept.set(learnerId, kept);
    if (this.#kept.size > KEPT_LEARNERS) this.#kept.delete(this.#kept.keys().next().value!);
    return { state: kept.state, answers };
  }

  /** One step per skill of each answer, as SkillIndex.sequenceOf reads a history. */
  #read(state: LstmState, answers: readonly { skills: readonly string[]; correct: boolean }[]): void {
    const sequence = this.#index.sequenceOf(answers, false);
    // A multi-skill answer's rows are one answer (the history features count it once its rows are all read).
    sequence.skills.forEach((skill, i) =>
      this.#stepper.step(state, tokenOf(skill, sequence.correct[i]!), sequence.continues?.[i] === true),
    );
  }
}
