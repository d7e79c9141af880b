import type { Sequence } from './sequence.js';

/**
 * How many numbers describe a learner's past on one skill (SkillHistory.features): attempts, right
 * and wrong answers (log-scaled), the last answer on it, answers since then, all answers so far, and
 * a recency-weighted success on it. The LSTM's state summarises all skills in 64 numbers and loses
 * count of any one; these counts, which PFA lives on, are exact and cost a map entry per skill.
 */
export const HISTORY_FEATURES = 7;

/** Where some of those numbers are in a row: the (log) attempts on the skill, the last answer on it (+1, -1, or 0 for none), the (log) answers so far. */
export const HISTORY_AT = { attempts: 0, last: 3, answers: 5 } as const;

/** Weight of the latest answer in a skill's recency-weighted success. */
const RECENT = 0.3;

interface SkillRecord {
  attempts: number;
  right: number;
  /** The answer number of the last attempt. */
  last: number;
  lastRight: boolean;
  /** Recency-weighted mean of +1 (right) and -1 (wrong). */
  recent: number;
}

/**
 * A learner's answers so far counted per skill, kept one row at a time, in training (historyFeatures
 * reads a whole sequence through it) and in serving (one per learner, beside the LSTM's state), so
 * both see the same numbers. The rows of a multi-skill answer all read the history before the
 * answer: they enter it only when the next answer begins.
 */
export class SkillHistory {
  readonly #skills = new Map<number, SkillRecord>();
  #answers = 0;
  /** Rows of the answer being read, not yet counted. */
  #pending: { skill: number; correct: 0 | 1 }[] = [];

  /**
   * Reads one row (`continues`: it belongs to the answer of the row before) and writes the features
   * it is predicted with into `out` from `offset` (HISTORY_FEATURES numbers).
   */
  read(skill: number, correct: 0 | 1, continues: boolean, out: Float32Array, offset = 0): void {
    if (!continues) this.#commit();
    this.#write(this.#skills.get(skill), this.#answers, out, offset);
    this.#pending.push({ skill, correct });
  }

  /** The features a next answer on `skill` is predicted with, after every row read so far. */
  next(skill: number, out: Float32Array, offset = 0): void {
    let record = this.#skills.get(skill);
    // The answer being read counts, without being committed: a continuation row may still come.
    this.#pending.forEach((row, k) => {
      if (row.skill === skill) record = counted(record ? { ...record } : undefined, row.correct, this.#answers + k);
    });
    this.#write(record, this.#answers + this.#pending.length, out, offset);
  }

  #commit(): void {
    for (const { skill, correct } of this.#pending) {
      this.#skills.set(skill, counted(this.#skills.get(skill), correct, this.#answers));
      this.#answers += 1;
    }
    this.#pending = [];
  }

  #write(r: SkillRecord | undefined, answers: number, out: Float32Array, offset: number): void {
    out[offset + HISTORY_AT.attempts] = Math.log1p(r?.attempts ?? 0);
    out[offset + 1] = Math.log1p(r?.right ?? 0);
    out[offset + 2] = Math.log1p(r ? r.attempts - r.right : 0);
    out[offset + HISTORY_AT.last] = r ? (r.lastRight ? 1 : -1) : 0;
    out[offset + 4] = r ? Math.log1p(Math.max(0, answers - r.last - 1)) : 0;
    out[offset + HISTORY_AT.answers] = Math.log1p(answers);
    out[offset + 6] = r?.recent ?? 0;
  }
}

/** A skill's record after one more answer (`at`: its answer number), changed in place when given. */
function counted(r: SkillRecord | undefined, correct: 0 | 1, at: number): SkillRecord {
  const sign = correct ? 1 : -1;
  if (!r) return { attempts: 1, right: correct, last: at, lastRight: correct === 1, recent: sign };
  r.attempts += 1;
  r.right += correct;
  r.last = at;
  r.lastRight = correct === 1;
  r.recent = (1 - RECENT) * r.recent + RECENT * sign;
  return r;
}

const cache = new WeakMap<Sequence, Float32Array>();

/** Each row's features (rows x HISTORY_FEATURES), from the rows of earlier answers only. Kept per sequence, as every epoch reads it. */
export function historyFeatures(sequence: Sequence): Float32Array {
  const kept = cache.get(sequence);
  if (kept) return kept;
  const out = new Float32Array(sequence.skills.length * HISTORY_FEATURES);
  const history = new SkillHistory();
  sequence.skills.forEach((skill, i) => {
    history.read(skill, sequence.correct[i]!, i > 0 && sequence.continues?.[i] === true, out, i * HISTORY_FEATURES);
  });
  cache.set(sequence, out);
  return out;
}
