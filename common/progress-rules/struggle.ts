import type { LearnerProjection } from './learner-projection.js';

/** When a teacher should look at a learner. A lab can pass its own; these suit a weekly class. */
export interface StruggleThresholds {
  /** Failed submissions of one exercise not yet completed. */
  repeatedFailures: number;
  /** Days without any progress event. */
  idleDays: number;
  /** Hints taken on one exercise. */
  heavyHints: number;
}

export const defaultStruggleThresholds: StruggleThresholds = { repeatedFailures: 3, idleDays: 7, heavyHints: 3 };

export type StruggleSignal =
  | { kind: 'repeated-failures'; exerciseId: string; failed: number }
  | { kind: 'idle'; days: number | null; lastAt: string | null }
  | { kind: 'heavy-hints'; exerciseId: string; hints: number };

const DAY_MS = 86_400_000;

/** Why a learner may be stuck, most pressing first: failing again and again, then silence, then hints. */
export function struggleSignals(
  p: LearnerProjection,
  now: Date,
  thresholds: StruggleThresholds = defaultStruggleThresholds,
): StruggleSignal[] {
  const signals: StruggleSignal[] = [];
  for (const [exerciseId, e] of p.exercises) {
    if (e.completedAt === null && e.failed >= thresholds.repeatedFailures) {
      signals.push({ kind: 'repeated-failures', exerciseId, failed: e.failed });
    }
  }
  const idle = p.lastAt === null ? null : Math.floor((now.getTime() - Date.parse(p.lastAt)) / DAY_MS);
  if (idle === null || idle >= thresholds.idleDays) signals.push({ kind: 'idle', days: idle, lastAt: p.lastAt });
  for (const [exerciseId, e] of p.exercises) {
    if (e.maxHints >= thresholds.heavyHints) signals.push({ kind: 'heavy-hints', exerciseId, hints: e.maxHints });
  }
  return signals;
}

/** The signals `after` has that `before` had not: what a "struggling" alert announces as it happens. */
export function newStruggleSignals(
  before: readonly StruggleSignal[],
  after: readonly StruggleSignal[],
): StruggleSignal[] {
  const key = (s: StruggleSignal) => `${s.kind}\u0000${'exerciseId' in s ? s.exerciseId : ''}`;
  const had = new Set(before.map(key));
  return after.filter((s) => s.kind !== 'idle' && !had.has(key(s)));
}
