import type { Sequence } from './sequence.js';

/** A knowledge-tracing model: fit on some learners, then predict each answer of another from the earlier ones only. */
export interface KtModel {
  readonly name: string;
  fit(train: readonly Sequence[]): void | Promise<void>;
  predict(sequence: Sequence): number[] | Promise<number[]>;
  /** `predict` for many learners at once, where batching makes that faster. */
  predictAll?(sequences: readonly Sequence[]): number[][];
  /** Frees what the model holds outside the JavaScript heap (a deep model's tensors). */
  dispose?(): void;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** How often each skill is answered right across the training learners (Laplace-smoothed). */
export class ItemAverage implements KtModel {
  readonly name = 'per-item average';
  #p = new Map<number, number>();
  #overall = 0.5;

  fit(train: readonly Sequence[]): void {
    const counts = new Map<number, [number, number]>();
    let right = 0;
    let all = 0;
    for (const s of train) {
      s.skills.forEach((k, i) => {
        const c = counts.get(k) ?? [0, 0];
        c[0] += s.correct[i]!;
        c[1] += 1;
        counts.set(k, c);
        right += s.correct[i]!;
        all += 1;
      });
    }
    this.#overall = (right + 1) / (all + 2);
    this.#p = new Map([...counts].map(([k, [c, n]]) => [k, (c + 1) / (n + 2)]));
  }

  predict(sequence: Sequence): number[] {
    return sequence.skills.map((k) => this.#p.get(k) ?? this.#overall);
  }
}

interface BktParams {
  learned0: number;
  transit: number;
  guess: number;
  slip: number;
}

const grid = (values: number[]) => values;
const BKT_GRID = {
  learned0: grid([0.1, 0.3, 0.5, 0.7, 0.9]),
  transit: grid([0.01, 0.05, 0.1, 0.2, 0.35]),
  guess: grid([0.05, 0.15, 0.25, 0.35]),
  slip: grid([0.05, 0.1, 0.2, 0.3]),
};

/** One step of Bayesian knowledge tracing: the prediction, then the posterior after the answer. */
function bktStep(p: BktParams, learned: number, correct: number): { predicted: number; next: number } {
  const predicted = learned * (1 - p.slip) + (1 - learned) * p.guess;
  const posterior =
    correct === 1
      ? (learned * (1 - p.slip)) / predicted
      : (learned * p.slip) / (learned * p.slip + (1 - learned) * (1 - p.guess));
  return { predicted, next: posterior + (1 - posterior) * p.transit };
}

/** Bayesian knowledge tracing, one parameter set per skill, fitted by grid search on log-likelihood. */
export class Bkt implements KtModel {
  readonly name = 'BKT';
  #params = new Map<number, BktParams>();
  #fallback: BktParams = { learned0: 0.5, transit: 0.1, guess: 0.2, slip: 0.1 };

  fit(train: readonly Sequence[]): void {
    // Each skill's answers, per learner, in order.
    const bySkill = new Map<number, (0 | 1)[][]>();
    for (const s of train) {
      const mine = new Map<number, (0 | 1)[]>();
      s.skills.forEach((k, i) => mine.set(k, [...(mine.get(k) ?? []), s.correct[i]!]));
      for (const [k, answers] of mine) bySkill.set(k, [...(bySkill.get(k) ?? []), answers]);
    }
    for (const [k, runs] of bySkill) this.#params.set(k, this.#best(runs));
  }

  #best(runs: (0 | 1)[][]): BktParams {
    let best = this.#fallback;
    let bestLl = -Infinity;
    for (const learned0 of BKT_GRID.learned0)
      for (const transit of BKT_GRID.transit)
        for (const guess of BKT_GRID.guess)
          for (const slip of BKT_GRID.slip) {
            const p = { learned0, transit, guess, slip };
            let ll = 0;
            for (const run of runs) {
              let learned = learned0;
              for (const y of run) {
                const step = bktStep(p, learned, y);
                ll += Math.log(y === 1 ? step.predicted : 1 - step.predicted);
                learned = step.next;
              }
            }
            if (ll > bestLl) {
              bestLl = ll;
              best = p;
            }
          }
    return best;
  }

  predict(sequence: Sequence): number[] {
    const learned = new Map<number, number>();
    return sequence.skills.map((k, i) => {
      const p = this.#params.get(k) ?? this.#fallback;
      const step = bktStep(p, learned.get(k) ?? p.learned0, sequence.correct[i]!);
      learned.set(k, step.next);
      return step.predicted;
    });
  }
}

/** Performance factors analysis: per skill, logistic in the learner's earlier successes and failures on it. */
export class Pfa implements KtModel {
  readonly name = 'PFA';
  #weights = new Map<number, [number, number, number]>();

  fit(train: readonly Sequence[]): void {
    const rows = new Map<number, number[][]>();
    for (const s of train) {
      const seen = new Map<number, [number, number]>();
      s.skills.forEach((k, i) => {
        const [wins, fails] = seen.get(k) ?? [0, 0];
        const list = rows.get(k) ?? [];
        list.push([1, Math.log1p(wins), Math.log1p(fails), s.correct[i]!]);
        rows.set(k, list);
        seen.set(k, s.correct[i] ? [wins + 1, fails] : [wins, fails + 1]);
      });
    }
    for (const [k, data] of rows) this.#weights.set(k, logisticIrls(data));
  }

  predict(sequence: Sequence): number[] {
    const seen = new Map<number, [number, number]>();
    return sequence.skills.map((k, i) => {
      const [wins, fails] = seen.get(k) ?? [0, 0];
      const [b, g, r] = this.#weights.get(k) ?? [0, 0, 0];
      seen.set(k, sequence.correct[i] ? [wins + 1, fails] : [wins, fails + 1]);
      return sigmoid(b + g * Math.log1p(wins) + r * Math.log1p(fails));
    });
  }
}

/** Three-feature logistic regression by iteratively reweighted least squares, lightly ridged. */
function logisticIrls(rows: number[][]): [number, number, number] {
  let w = [0, 0, 0];
  for (let iteration = 0; iteration < 12; iteration++) {
    const h = [
      [0.1, 0, 0],
      [0, 0.1, 0],
      [0, 0, 0.1],
    ];
    const g = [0.1 * w[0]!, 0.1 * w[1]!, 0.1 * w[2]!];
    for (const row of rows) {
      const p = sigmoid(w[0]! * row[0]! + w[1]! * row[1]! + w[2]! * row[2]!);
      const err = p - row[3]!;
      const s = p * (1 - p);
      for (let a = 0; a < 3; a++) {
        g[a]! += err * row[a]!;
        for (let b = 0; b < 3; b++) h[a]![b]! += s * row[a]! * row[b]!;
      }
    }
    const step = solve3(h, g);
    w = w.map((v, i) => v - step[i]!);
  }
  return w as [number, number, number];
}

function solve3(m: number[][], v: number[]): number[] {
  const det = (a: number[][]) =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
    a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
    a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(m);
  return [0, 1, 2].map((c) => det(m.map((row, r) => row.map((x, j) => (j === c ? v[r]! : x)))) / d);
}

/** Rasch (1PL IRT) with Elo updates: learner ability against skill difficulty, uncertainty shrinking with use. */
export class Elo implements KtModel {
  readonly name = 'IRT/Elo';
  #difficulty = new Map<number, number>();
  #uses = new Map<number, number>();

  fit(train: readonly Sequence[]): void {
    for (const s of train) {
      let ability = 0;
      s.skills.forEach((k, i) => {
        const d = this.#difficulty.get(k) ?? 0;
        const n = this.#uses.get(k) ?? 0;
        const error = s.correct[i]! - sigmoid(ability - d);
        ability += (0.8 / (1 + 0.05 * i)) * error;
        this.#difficulty.set(k, d - (0.8 / (1 + 0.05 * n)) * error);
        this.#uses.set(k, n + 1);
      });
    }
  }

  predict(sequence: Sequence): number[] {
    let ability = 0;
    // The rows of one multi-skill answer are predicted from the ability before it, then all update it.
    let pending = 0;
    return sequence.skills.map((k, i) => {
      if (!sequence.continues?.[i]) {
        ability += pending;
        pending = 0;
      }
      const p = sigmoid(ability - (this.#difficulty.get(k) ?? 0));
      pending += (0.8 / (1 + 0.05 * i)) * (sequence.correct[i]! - p);
      return p;
    });
  }
}
