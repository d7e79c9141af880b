/**
 * What one learner can do and how fast they learn, measured from their own answers in order.
 *
 * The simple prior (performance-prior.ts) grows with the log of the successes, the same for
 * everyone, so it lags a learner who learns fast: it keeps offering a skill long after they have it.
 * Here each skill has an ability and the learner one pace (logits gained per attempt, on every
 * skill), all on the prior's scale (an average learner with no history gets the prior's chance on an
 * exercise of difficulty d). P(right) = sigmoid(ability + pace * earlier attempts on the skill - b(d)),
 * a logistic regression in (abilities, pace) kept as a Gaussian posterior and updated one answer at a
 * time (the Laplace step of assumed-density filtering), so a learner who succeeds fast is measured as
 * fast after a handful of answers. The posterior's spread is what exploration draws from (`sample`).
 */

/** A skill's key: the app's skill ids, the simulation's skill numbers. */
export type SkillKey = string | number;

/** Logit difficulty of an exercise rated 1-5 for an average learner, as the prior reads it: sigmoid(1.5 - 0.5 (d - 1)). */
export const logitDifficulty = (difficulty: number) => 0.5 * (difficulty - 1) - 1.5;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export interface PaceOptions {
  /** Prior spread of a skill's starting ability (logits): learners differ by about this much. */
  abilitySd: number;
  /** Prior pace: logits gained per attempt, and how unsure that is. */
  pace: number;
  paceSd: number;
  /** Variance added to a skill's ability at each attempt: learning is not a straight line. */
  drift: number;
}

/**
 * How far a choice's draw strays from the estimate (1 is Thompson sampling proper). Measured in the
 * simulated worlds (`lionlearn model simulate`): full draws cost 10-20% more exercises to mastery
 * than choosing on the mean, a tenth of a draw costs nothing measurable and still tries a skill the
 * estimate is unsure of before one it is sure of.
 */
export const EXPLORATION = 0.1;

export const DEFAULT_PACE: PaceOptions = { abilitySd: 1, pace: 0.15, paceSd: 0.2, drift: 0.02 };

export class PaceEstimate {
  readonly #options: PaceOptions;
  /** Skill key -> index into the state; the pace is the last entry. */
  readonly #index = new Map<SkillKey, number>();
  readonly #attempts: number[] = [];
  #mean: number[];
  #cov: number[][];

  constructor(options: PaceOptions = DEFAULT_PACE) {
    this.#options = options;
    this.#mean = [options.pace];
    this.#cov = [[options.paceSd ** 2]];
  }

  /** A skill met for the first time joins the state with its prior, independent of the rest. */
  #slot(skill: SkillKey): number {
    let i = this.#index.get(skill);
    if (i !== undefined) return i;
    i = this.#index.size;
    this.#index.set(skill, i);
    this.#attempts.push(0);
    const n = this.#mean.length;
    // The new ability goes in before the pace, which stays last.
    this.#mean.splice(i, 0, 0);
    this.#cov = this.#cov.map((row) => [...row.slice(0, i), 0, ...row.slice(i)]);
    this.#cov.splice(
      i,
      0,
      Array.from({ length: n + 1 }, (_, j) => (j === i ? this.#options.abilitySd ** 2 : 0)),
    );
    return i;
  }

  /** The answer's features: the mean of its skills' abilities (as the prior does) plus pace times their mean practice. */
  #features(skills: readonly SkillKey[]): number[] {
    const slots = skills.map((s) => this.#slot(s));
    const x = this.#mean.map(() => 0);
    for (const i of slots) {
      x[i]! += 1 / slots.length;
      x[x.length - 1]! += this.#attempts[i]! / slots.length;
    }
    return x;
  }

  /** The answer's logit: its mean, its variance, and the covariance of the state with it. x is sparse: only its non-zero entries are read. */
  #moments(x: number[], difficulty: number) {
    const nonZero = x.flatMap((v, j) => (v === 0 ? [] : [j]));
    const covX = this.#cov.map((row) => {
      let sum = 0;
      for (const j of nonZero) sum += row[j]! * x[j]!;
      return sum;
    });
    let mean = -logitDifficulty(difficulty);
    let variance = 0;
    for (const j of nonZero) {
      mean += x[j]! * this.#mean[j]!;
      variance += x[j]! * covX[j]!;
    }
    return { mean, variance, covX };
  }

  /** The chance of a right answer, averaged over what is still unsure (the probit approximation). */
  chance(skills: readonly SkillKey[], difficulty: number): number {
    if (skills.length === 0) return sigmoid(-logitDifficulty(difficulty));
    const { mean, variance } = this.#moments(this.#features(skills), difficulty);
    return sigmoid(mean / Math.sqrt(1 + (Math.PI * variance) / 8));
  }

  /** Learns from one graded answer: its skills' abilities, and the pace behind them. */
  observe(skills: readonly SkillKey[], difficulty: number, correct: boolean): void {
    if (skills.length === 0) return;
    const x = this.#features(skills);
    const { mean, variance, covX } = this.#moments(x, difficulty);
    const p = sigmoid(mean / Math.sqrt(1 + (Math.PI * variance) / 8));
    const h = p * (1 - p);
    const gain = 1 / (1 + h * variance);
    const step = ((correct ? 1 : 0) - p) * gain;
    // In place: this runs once per answer replayed, over a state of every skill met.
    for (let i = 0; i < covX.length; i++) {
      this.#mean[i]! += covX[i]! * step;
      const row = this.#cov[i]!;
      const scaled = covX[i]! * h * gain;
      for (let j = 0; j < covX.length; j++) row[j]! -= scaled * covX[j]!;
    }
    for (const skill of new Set(skills)) {
      const i = this.#slot(skill);
      this.#attempts[i]! += 1;
      this.#cov[i]![i]! += this.#options.drift;
    }
  }

  /** Answers seen on a skill. */
  attemptsOn(skill: SkillKey): number {
    const i = this.#index.get(skill);
    return i === undefined ? 0 : this.#attempts[i]!;
  }

  /** Measured pace: logits gained per attempt, as the answers so far show it. */
  get pace(): number {
    return this.#mean[this.#mean.length - 1]!;
  }

  /**
   * One draw of the learner from the posterior (Thompson sampling), as a chance function: choosing
   * by a draw explores where the estimate is unsure and exploits where it is sure. `uniform` gives
   * numbers in [0, 1), so a seeded one gives the same draw. `spread` scales the draw's distance from the
   * mean: 1 is Thompson sampling proper, 0 the mean itself.
   */
  sample(uniform: () => number, spread = 1): (skills: readonly SkillKey[], difficulty: number) => number {
    const n = this.#mean.length;
    const lower = cholesky(this.#cov);
    const normal = () => spread * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const z = Array.from({ length: n }, normal);
    const drawn = this.#mean.map((m, i) => m + lower[i]!.reduce((sum, v, j) => sum + v * z[j]!, 0));
    const pace = drawn[n - 1]!;
    const known = new Map<SkillKey, number>(
      [...this.#index].map(([skill, i]) => [skill, drawn[i]! + pace * this.#attempts[i]!]),
    );
    // A skill not met yet is drawn from the prior when first asked about, and kept for this draw.
    const ability = (skill: SkillKey) => {
      let value = known.get(skill);
      if (value === undefined) known.set(skill, (value = this.#options.abilitySd * normal()));
      return value;
    };
    return (skills, difficulty) => {
      if (skills.length === 0) return sigmoid(-logitDifficulty(difficulty));
      const logit = skills.reduce<number>((sum, skill) => sum + ability(skill), 0) / skills.length;
      return sigmoid(logit - logitDifficulty(difficulty));
    };
  }
}

/** Lower-triangular L with L Lᵀ = a, for a small covariance; a pivot rounded to <= 0 counts as 0. */
function cholesky(a: readonly number[][]): number[][] {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) l[i]![i] = Math.sqrt(Math.max(sum, 0));
      else l[i]![j] = l[j]![j]! > 0 ? sum / l[j]![j]! : 0;
    }
  }
  return l;
}
