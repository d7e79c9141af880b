import type { Sequence } from './sequence.js';

/** Answers [start, end) of a learner, predicted from `from` on (the earlier ones are context). */
export interface Window {
  sequence: Sequence;
  start: number;
  end: number;
  from: number;
}

/** The answers a window reads. */
export const span = (w: Window) => w.end - w.start;

/** Consecutive windows; the first token of each is the real answer before it, not a fresh start. */
export function trainingWindows(sequence: Sequence, size: number): Window[] {
  const out: Window[] = [];
  for (let start = 0; start < sequence.skills.length; start += size) {
    out.push({ sequence, start, end: Math.min(start + size, sequence.skills.length), from: start });
  }
  return out;
}

/** Overlapping windows, so every prediction past the first window reads at least half a window back. */
export function predictionWindows(sequence: Sequence, size: number): Window[] {
  const n = sequence.skills.length;
  const stride = Math.max(1, Math.floor(size / 2));
  const out: Window[] = [{ sequence, start: 0, end: Math.min(size, n), from: 0 }];
  for (let covered = Math.min(size, n); covered < n;) {
    const start = covered - (size - stride);
    const end = Math.min(start + size, n);
    out.push({ sequence, start, end, from: covered });
    covered = end;
  }
  return out;
}

/** Windows shuffled, then batched with others of similar length so little of a batch is padding. */
export function batches(windows: readonly Window[], size: number, seed: number): Window[][] {
  const shuffled = [...windows];
  const random = lcg(seed);
  shuffle(shuffled, random);
  const out: Window[][] = [];
  const pool = size * 16;
  for (let i = 0; i < shuffled.length; i += pool) {
    const chunk = shuffled.slice(i, i + pool).sort((a, b) => span(b) - span(a));
    for (let j = 0; j < chunk.length; j += size) out.push(chunk.slice(j, j + size));
  }
  shuffle(out, random);
  return out;
}

/** A seeded linear congruential source in [0, 1): the windows' order and the held-out learners. */
export const lcg = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
