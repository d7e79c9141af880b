import type { Sequence } from '../models/sequence.js';

/** Disagreements two independent answers would show, at the least, before a pair can be judged. */
const MIN_EXPECTED = 10;
/** At most this share of those disagreements seen: the rest of the time the two rows are one answer's. */
const MAX_SHARE = 0.05;

export interface Continuations {
  /** The sequences with their continuation rows marked. */
  sequences: Sequence[];
  /** Rows marked as continuing the answer before them. */
  rows: number;
  /** Ordered skill pairs taken for one answer's skills. */
  pairs: number;
}

/**
 * Finds the rows that continue a multi-skill answer in files that hold no answer ids. Such an answer
 * is stored as consecutive rows, in a fixed skill order, with the same correctness (ASSIST2009: the
 * pair 25 -> 42 appears 3,721 times, never with two different answers). Agreement alone would also
 * pick two easy questions that are nearly always both right, so a pair is judged against
 * independence: from each row's own share of right answers, two separate answers would disagree
 * `expected` times; a pair that disagrees at most MAX_SHARE of that (noise in the logs) is one
 * answer's skills. A row continues the one before when their pair is such a pair, whatever its answer (which it must not read).
 */
export function markContinuations(sequences: readonly Sequence[]): Continuations {
  const together = continuationPairs(sequences);
  let rows = 0;
  const marked = sequences.map((s): Sequence => {
    const continues = s.skills.map((_, i) => continuesPair(together, s, i));
    rows += continues.filter(Boolean).length;
    return { skills: s.skills, correct: s.correct, continues };
  });
  return { sequences: marked, rows, pairs: together.size };
}

/** The ordered skill pairs judged one answer's skills (see markContinuations), as keys of `pairKey`. */
export function continuationPairs(sequences: readonly Sequence[]): Set<number> {
  const seen = new Map<number, { count: number; agree: number; first: number; second: number }>();
  for (const s of sequences) {
    for (let i = 1; i < s.skills.length; i++) {
      if (s.skills[i] === s.skills[i - 1]) continue;
      const pair = seen.get(pairKey(s, i)) ?? { count: 0, agree: 0, first: 0, second: 0 };
      pair.count += 1;
      pair.first += s.correct[i - 1]!;
      pair.second += s.correct[i]!;
      if (s.correct[i] === s.correct[i - 1]) pair.agree += 1;
      seen.set(pairKey(s, i), pair);
    }
  }
  const together = new Set<number>();
  for (const [pair, { count, agree, first, second }] of seen) {
    const a = first / count;
    const b = second / count;
    const expected = count * (a * (1 - b) + (1 - a) * b);
    if (expected >= MIN_EXPECTED && count - agree <= MAX_SHARE * expected) together.add(pair);
  }
  return together;
}

/** Row i's skill and the one before it, as one number. */
export const pairKey = (s: Sequence, i: number) => s.skills[i - 1]! * 1_000_003 + s.skills[i]!;

/** Whether row i and the row before it are a pair of `pairs` (on two different skills). */
export const continuesPair = (pairs: ReadonlySet<number>, s: Sequence, i: number) =>
  i > 0 && s.skills[i] !== s.skills[i - 1] && pairs.has(pairKey(s, i));
