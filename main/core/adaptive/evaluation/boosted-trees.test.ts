import { describe, expect, it } from 'vitest';
import { seeded } from '../policy/seeded-random.js';
import { metrics } from './metrics.js';
import { fitBoosted, predictBoosted } from './boosted-trees.js';
import type { Table } from './boosted-trees.js';
import { crossFittedBlend, crossFittedBoost, STACK_PARTS } from './stacking.js';
import { evaluate } from './evaluate.js';
import { stackContext } from './stack-context.js';
import { stackAnswers } from './stack-answers.js';
import { STACK_HISTORY } from './stack-history.js';
import { HISTORY_AT } from '../models/history-features.js';
import { multiSkillLearners } from '../testing/multi-skill-learners.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const concatRows = (parts: Float32Array[]) => Float32Array.from(parts.flatMap((part) => Array.from(part)));

/** Two columns in [-1, 1]; the label follows whether they have the same sign, which no weighted sum of them sees. */
function xor(n: number, seed: number) {
  const random = seeded(seed);
  const values = Float32Array.from({ length: n * 2 }, () => random() * 2 - 1);
  const y = range(0, n).map((r) => (random() < sigmoid(values[2 * r]! * values[2 * r + 1]! > 0 ? 2 : -2) ? 1 : 0));
  return { table: { values, columns: 2 } satisfies Table, y };
}

describe('boosted trees', () => {
  it('learn an interaction a logistic regression cannot, scored on rows they never saw', () => {
    const { table, y } = xor(6_000, 3);
    const model = fitBoosted(table, y, range(0, 4_000), range(4_000, 5_000));
    const held = range(5_000, 6_000);
    const p = predictBoosted(model, table, held);
    const truth = held.map((r) => y[r]!);
    // The best any model can do here is about 0.83 (labels drawn at sigmoid(±2)).
    expect(metrics(p, truth).auc).toBeGreaterThan(0.78);
    const logits = [held.map((r) => table.values[2 * r]!), held.map((r) => table.values[2 * r + 1]!)];
    const linear = crossFittedBlend(
      logits.map((l) => l.map(sigmoid)),
      truth,
      held.map((_, i) => i % STACK_PARTS),
    );
    expect(metrics(linear, truth).auc).toBeLessThan(0.6);
  });

  it('give the same trees for the same table', () => {
    const { table, y } = xor(3_000, 5);
    const fit = () =>
      predictBoosted(fitBoosted(table, y, range(0, 2_000), range(2_000, 2_500)), table, range(2_500, 3_000));
    expect(fit()).toEqual(fit());
  });

  it('stop early when the validation rows stop improving: labels of pure noise keep few trees', () => {
    const random = seeded(7);
    const table = { values: Float32Array.from({ length: 4_000 }, () => random()), columns: 2 };
    const y = range(0, 2_000).map(() => (random() < 0.5 ? 1 : 0));
    const model = fitBoosted(table, y, range(0, 1_500), range(1_500, 2_000), { patience: 5, rounds: 200 });
    expect(model.trees.length).toBeLessThan(20);
  });

  it('never leave fewer than minRows training rows in a leaf', () => {
    const { table, y } = xor(2_000, 9);
    const fit = range(0, 2_000);
    const model = fitBoosted(table, y, fit, [], { rounds: 1, minRows: 150, leaves: 64 });
    const counts = new Map<number, number>();
    for (const p of predictBoosted(model, table, fit)) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(1);
    for (const count of counts.values()) expect(count).toBeGreaterThanOrEqual(150);
  });

  it('split a 0/1 column between its two values, and read the edges from the fitted rows only', () => {
    // Column 0 is the label itself on the fitted rows; the scored rows hold values the fit never saw.
    const y = range(0, 1_000).map((r) => r % 2);
    const values = Float32Array.from(range(0, 1_000), (r) => (r < 800 ? y[r]! : 0.4 + 0.2 * y[r]!));
    const model = fitBoosted({ values, columns: 1 }, y, range(0, 800), [], { rounds: 20 });
    expect(model.bins[0]).toEqual({ edges: Float32Array.of(0.5) });
    const p = predictBoosted(model, { values, columns: 1 }, range(800, 1_000));
    // 0.4 and 0.6 fall on either side of the edge at 0.5, so the scored rows are ranked right.
    expect(
      metrics(
        p,
        range(800, 1_000).map((r) => y[r]!),
      ).auc,
    ).toBe(1);
  });

  it('split a column of ids between any two sets of them in one cut, where a threshold cannot', () => {
    // 40 ids of 250 rows each: about half of them, drawn at random, mostly right, the others mostly wrong.
    const random = seeded(11);
    const good = new Set(range(0, 40).filter(() => random() < 0.5));
    const ids = range(0, 10_000).map((r) => (r * 17) % 40);
    const y = ids.map((id) => (random() < (good.has(id) ? 0.8 : 0.2) ? 1 : 0));
    const table = { values: Float32Array.from(ids), columns: 1 };
    const fit = range(0, 8_000);
    const held = range(8_000, 10_000);
    const oneCut = (categorical: number[]) =>
      metrics(
        predictBoosted(fitBoosted(table, y, fit, [], { rounds: 1, leaves: 2, categorical }), table, held),
        held.map((r) => y[r]!),
      ).auc;
    // One set of ids splits the good from the rest: the best any model can do here (0.8 against 0.2, AUC 0.8).
    expect(oneCut([0])).toBeGreaterThan(0.78);
    expect(oneCut([])).toBeLessThan(0.7);
  });

  it('give ids beyond the most frequent, and ids the fit never saw, one shared bin', () => {
    // Ids 10, 20, 30 fill most rows; 40 to 49 a few each, and the scored rows hold id 99, never fitted.
    const ids = range(0, 2_000).map((r) => (r < 1_800 ? [10, 20, 30][r % 3]! : 40 + (r % 10)));
    const y = ids.map((id, r) => (id >= 40 ? 1 : r % 2));
    const values = Float32Array.from([...ids, 99, 45, 10]);
    const model = fitBoosted({ values, columns: 1 }, y, range(0, 2_000), [], {
      rounds: 5,
      bins: 4,
      categorical: [0],
    });
    expect(model.bins[0]).toEqual({ ids: Float32Array.of(10, 20, 30) });
    const [unseen, rare, kept] = predictBoosted(model, { values, columns: 1 }, [2_000, 2_001, 2_002]);
    expect(unseen).toBe(rare);
    expect(unseen).toBeGreaterThan(kept! + 0.1);
  });

  it('refuse a bin count their byte codes cannot hold', () => {
    const { table, y } = xor(100, 1);
    expect(() => fitBoosted(table, y, range(0, 100), [], { bins: 257 })).toThrow(/bins must be 2 to 256/);
    expect(() => fitBoosted(table, y, range(0, 100), [], { bins: 1 })).toThrow(/bins must be 2 to 256/);
  });
});

/** Right after skill 0 a learner is mostly right, elsewhere mostly wrong, whatever they answered before. */
const afterSkillZero = (learners: number, random: () => number) =>
  range(0, learners).map(() => {
    const skills = range(0, 20).map(() => Math.floor(random() * 6));
    const correct = skills.map((_, i) => (random() < (i > 0 && skills[i - 1] === 0 ? 0.85 : 0.35) ? 1 : 0) as 0 | 1);
    return { skills, correct };
  });

/** Answers on two skills, stored as two rows: one of skills 0-3, which say nothing, then one of 4-7, which decide. */
const pairedSkills = (learners: number, random: () => number) =>
  range(0, learners).map(() => {
    const skills: number[] = [];
    const correct: (0 | 1)[] = [];
    const continues: boolean[] = [];
    for (let answer = 0; answer < 15; answer++) {
      const deciding = 4 + Math.floor(random() * 4);
      const y = random() < [0.1, 0.3, 0.7, 0.9][deciding - 4]! ? 1 : 0;
      skills.push(Math.floor(random() * 4), deciding);
      correct.push(y, y);
      continues.push(false, true);
    }
    return { skills, correct, continues };
  });

/** 200 learners of pairedSkills as a stack's rows, with the AUC on the rows of skills 0-3, which say nothing alone. */
function pairedRows(seed: number) {
  const random = seeded(seed);
  const sequences = pairedSkills(200, random);
  const y = sequences.flatMap((s) => s.correct);
  const skills = sequences.flatMap((s) => s.skills);
  const part = sequences.flatMap((s, learner) => s.correct.map(() => learner % STACK_PARTS));
  const answers = concatRows(sequences.map(stackAnswers));
  const firstRows = (p: number[]) =>
    metrics(
      p.filter((_, i) => skills[i]! < 4),
      y.filter((_, i) => skills[i]! < 4),
    ).auc;
  return { random, y, skills, part, answers, firstRows };
}

// Trees of up to 1,000 rounds on some 10,000 rows, fitted twice per part: 20 s for evaluate's table on a busy 2-core
// machine, past the unit tests' 30 s when the machine is busier still.
describe('a boosted stack', { timeout: 120_000 }, () => {
  it('scores each part with trees fitted on the others: a part’s own answers do not move its chances', () => {
    const { table, y } = xor(3_000, 11);
    const predictions = [0, 1].map((c) => range(0, 3_000).map((r) => sigmoid(table.values[2 * r + c]!)));
    const part = y.map((_, i) => i % STACK_PARTS);
    const before = crossFittedBoost(predictions, y, part);
    expect(metrics(before, y).auc).toBeGreaterThan(0.75);
    for (let flippedPart = 0; flippedPart < STACK_PARTS; flippedPart++) {
      const flipped = y.map((v, i) => (part[i] === flippedPart ? 1 - v : v));
      const after = crossFittedBoost(predictions, flipped, part);
      part.forEach((p, i) => {
        if (p === flippedPart) expect(after[i]).toBe(before[i]);
      });
      expect(after.some((p, i) => part[i] !== flippedPart && p !== before[i])).toBe(true);
    }
  });

  it('reads where the learner is in the course from the skill ids of the context, without a part’s own answers', () => {
    const random = seeded(13);
    const sequences = afterSkillZero(300, random);
    const y = sequences.flatMap((s) => s.correct);
    const part = sequences.flatMap((s, learner) => s.correct.map(() => learner % STACK_PARTS));
    const context = concatRows(sequences.map(stackContext));
    const noise = [y.map(() => 0.4 + 0.2 * random())];
    expect(metrics(crossFittedBoost(noise, y, part), y).auc).toBeLessThan(0.55);
    const before = crossFittedBoost(noise, y, part, { context });
    // The best any stack can do here is about 0.64 (a sixth of the rows follow skill 0).
    expect(metrics(before, y).auc).toBeGreaterThan(0.6);
    const flipped = y.map((v, i) => (part[i] === 0 ? 1 - v : v));
    const after = crossFittedBoost(noise, flipped, part, { context });
    part.forEach((p, i) => {
      if (p === 0) expect(after[i]).toBe(before[i]);
    });
  });

  it('reads which way the learner came into the course from their first two skills', () => {
    // Two classes take skills 0 and 1 in either order, then skills 2 to 5 alike; the first class is right three times
    // in four from skill 2 on, the second once in four. From skill 3 on, only the first two skills tell them apart.
    const random = seeded(17);
    const sequences = range(0, 300).map((learner) => {
      const strong = learner % 2 === 0;
      const skills = [...(strong ? [0, 1] : [1, 0]), 2, 3, 4, 5].flatMap((k) => [k, k, k]);
      const correct = skills.map((k) => (random() < (k < 2 ? 0.5 : strong ? 0.75 : 0.25) ? 1 : 0) as 0 | 1);
      return { skills, correct };
    });
    const y = sequences.flatMap((s) => s.correct);
    const skills = sequences.flatMap((s) => s.skills);
    const part = sequences.flatMap((s, learner) => s.correct.map(() => learner % STACK_PARTS));
    const context = concatRows(sequences.map(stackContext));
    const noise = [y.map(() => 0.4 + 0.2 * random())];
    const later = (p: number[]) => {
      const rows = range(0, y.length).filter((i) => skills[i]! >= 3);
      return metrics(
        rows.map((i) => p[i]!),
        rows.map((i) => y[i]!),
      ).auc;
    };
    expect(later(crossFittedBoost(noise, y, part))).toBeLessThan(0.58);
    // The best any stack can do on those rows is about 0.75 (labels drawn at 0.75 and 0.25).
    expect(later(crossFittedBoost(noise, y, part, { context }))).toBeGreaterThan(0.7);
  });

  it('reads the models on the other rows of a multi-skill answer, which share its label', () => {
    const { random, y, skills, part, answers, firstRows } = pairedRows(19);
    // A model that knows the deciding skills and nothing of the others.
    const model = [skills.map((k) => (k >= 4 ? [0.1, 0.3, 0.7, 0.9][k - 4]! : 0.45 + 0.1 * random()))];
    expect(firstRows(crossFittedBoost(model, y, part))).toBeLessThan(0.58);
    // The best any stack can do on those rows is what the deciding skill gives, about 0.8.
    expect(firstRows(crossFittedBoost(model, y, part, { answers }))).toBeGreaterThan(0.75);
  });

  it('reads the learner’s past on the other skills of a multi-skill answer', () => {
    const { random, y, skills, part, answers, firstRows } = pairedRows(29);
    // Models that know nothing, and a past whose last answer on the deciding skill tells the label nine times in ten.
    const noise = [y.map(() => 0.4 + 0.2 * random())];
    const history = new Float32Array(y.length * STACK_HISTORY);
    y.forEach((label, i) => {
      if (skills[i]! >= 4) history[i * STACK_HISTORY + HISTORY_AT.last] = random() < 0.9 === (label === 1) ? 1 : -1;
    });
    expect(firstRows(crossFittedBoost(noise, y, part, { history }))).toBeLessThan(0.58);
    expect(firstRows(crossFittedBoost(noise, y, part, { history, answers }))).toBeGreaterThan(0.85);
  });

  it('reads a multi-skill answer’s set of skills as one id, given the course context', () => {
    // Answers on two of skills 0-3: the pairs {0, 2} and {1, 3} mostly right, the other four mostly wrong, so every
    // skill alone is right a third of the time, and only the pair tells.
    const random = seeded(31);
    const pairs = [
      [0, 2],
      [1, 3],
      [0, 1],
      [0, 3],
      [1, 2],
      [2, 3],
    ] as const;
    const sequences = range(0, 300).map(() => {
      const answers = range(0, 15).map(() => pairs[Math.floor(random() * pairs.length)]!);
      const y = answers.map((pair) => (random() < ((pair[0] + pair[1]) % 2 === 0 ? 0.85 : 0.15) ? 1 : 0) as 0 | 1);
      return {
        skills: answers.flatMap((pair) => (random() < 0.5 ? [...pair] : [pair[1], pair[0]])),
        correct: y.flatMap((label) => [label, label]),
        continues: answers.flatMap(() => [false, true]),
      };
    });
    const y = sequences.flatMap((s) => s.correct);
    const part = sequences.flatMap((s, learner) => s.correct.map(() => learner % STACK_PARTS));
    const context = concatRows(sequences.map(stackContext));
    const answers = concatRows(sequences.map(stackAnswers));
    const noise = [y.map(() => 0.4 + 0.2 * random())];
    expect(metrics(crossFittedBoost(noise, y, part, { context }), y).auc).toBeLessThan(0.58);
    expect(metrics(crossFittedBoost(noise, y, part, { answers }), y).auc).toBeLessThan(0.58);
    // The best any stack can do here is about 0.85 (labels drawn at 0.85 and 0.15).
    expect(metrics(crossFittedBoost(noise, y, part, { context, answers }), y).auc).toBeGreaterThan(0.8);
  });

  it('is a row of evaluate’s table, whose fit seconds count the trees’ own fit beside its models’', async () => {
    const { sequences } = multiSkillLearners(300, 7);
    const of = ['IRT/Elo', 'PFA'];
    const scores = await evaluate([{ kind: 'elo' }, { kind: 'pfa' }], sequences, {
      folds: 3,
      blends: [{ name: 'boosted', of, history: true, boosted: true }],
    });
    const boosted = scores.find((s) => s.model === 'boosted')!;
    const models = scores.filter((s) => of.includes(s.model));
    expect(boosted.auc).toBeGreaterThan(Math.max(...models.map((s) => s.auc)) - 0.01);
    expect(boosted.ece).toBeLessThan(0.05);
    expect(boosted.fitSeconds).toBeGreaterThan(models.reduce((sum, s) => sum + s.fitSeconds, 0));
  });

  it('in evaluate, reads the course context with the learner’s past, which the regression cannot', async () => {
    const sequences = afterSkillZero(300, seeded(17));
    const scores = await evaluate([{ kind: 'elo' }], sequences, {
      folds: 3,
      blends: [
        { name: 'regression', of: ['IRT/Elo'], history: true },
        { name: 'trees', of: ['IRT/Elo'], history: true, boosted: true },
      ],
    });
    const auc = (name: string) => scores.find((s) => s.model === name)!.auc;
    expect(auc('trees')).toBeGreaterThan(auc('regression') + 0.03);
  });

  it('in evaluate, reads the other rows of each multi-skill answer, which the regression cannot', async () => {
    const sequences = pairedSkills(300, seeded(23));
    const scores = await evaluate([{ kind: 'item-average' }], sequences, {
      folds: 3,
      blends: [
        { name: 'regression', of: ['per-item average'] },
        { name: 'trees', of: ['per-item average'], boosted: true },
      ],
    });
    const auc = (name: string) => scores.find((s) => s.model === name)!.auc;
    expect(auc('trees')).toBeGreaterThan(auc('regression') + 0.03);
  });
});
