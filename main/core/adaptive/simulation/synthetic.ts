import { readFile } from 'node:fs/promises';
import { readKt } from '../evaluation/kt-data.js';
import type { Scenario } from './course.js';
import { fitRasch, leastSquares } from './fit-rasch.js';

/** A scenario fitted to one of the DKT paper's simulated data sets, and how well the fit matches its truth. */
export interface SyntheticFit {
  scenario: Scenario;
  /** Correlation of the fitted question difficulties with the generator's own (the _info.txt file). */
  difficultyCorrelation: number;
  /** Logits learnt per earlier question on the same concept, as the answers show it. */
  learningPerAttempt: number;
}

/** The `_info.txt` beside a set: per question p(correct), sd, concept id, difficulty (tabs or commas). */
async function readInfo(file: string): Promise<{ concept: number; difficulty: number }[]> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const [, , concept, difficulty] = line.split(/[\t,]/).map(Number);
    if (!Number.isInteger(concept) || !Number.isFinite(difficulty)) {
      throw new Error(`${file}, line ${i + 1}: expected p, sd, concept id, difficulty`);
    }
    return { concept: concept!, difficulty: difficulty! };
  });
}

const correlation = (x: readonly number[], y: readonly number[]) => {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(x), mean(y)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i]! - my);
    sxx += (xi - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};

/**
 * Builds a course from a synthetic set (every student answers questions 0..n-1 in that order; the
 * info file gives each question's concept). Question difficulties are fitted to the answers with a
 * Rasch model per concept. Because everyone meets the questions in the same order, a later
 * question's fitted difficulty also holds what was learnt on its concept before it: regressing the
 * fitted difficulties on the generator's and on the number of earlier questions of the same concept
 * separates the two, and the learning is added back so each item keeps its own difficulty. The
 * course keeps the set's order, rates the items 1-5 by quintile of difficulty, has no prerequisites
 * (answers correlate within a concept and not across), no guessing floor (the weakest students get
 * the hardest questions right less than a quarter of the time), and each simulated learner starts
 * with the fitted abilities of one of the set's students. Ten questions a concept are too few to
 * practise to mastery without repeating one already solved, so the course holds `forms` parallel
 * forms of the set (the same questions with other numbers: same concept and difficulty), one after
 * the other.
 */
export async function readSynthetic(file: string, forms = 3): Promise<SyntheticFit> {
  const info = await readInfo(file.replace(/\.csv$/, '_info.txt'));
  const answers = (await readKt(file)).map((s) => s.correct);
  if (answers.some((row) => row.length !== info.length)) {
    throw new Error(`${file}: every line must answer the ${info.length} questions of its info file`);
  }
  const concepts = info.map((q) => q.concept);
  const { b, abilities } = fitRasch(answers, concepts);
  const earlier = concepts.map((c, q) => concepts.slice(0, q).filter((other) => other === c).length);
  const [, , learnt] = leastSquares(
    info.map((q, i) => [1, q.difficulty, earlier[i]!]),
    b,
  );
  const learningPerAttempt = -learnt!;
  const own = b.map((value, q) => value + learningPerAttempt * earlier[q]!);
  const ranked = own.map((_, q) => q).sort((x, y) => own[x]! - own[y]!);
  const rating = new Array<number>(own.length);
  ranked.forEach((q, rank) => (rating[q] = 1 + Math.floor((rank * 5) / own.length)));
  const skillCount = Math.max(...concepts) + 1;
  const name = file
    .split(/[\\/]/)
    .at(-1)!
    .replace(/\.csv$/, '');
  const items = Array.from({ length: forms }, (_, form) =>
    own.map((value, q) => ({ index: form * own.length + q, skill: concepts[q]!, difficulty: rating[q]!, b: value })),
  ).flat();
  return {
    scenario: {
      name: `${name}: ${skillCount} concepts x ${info.length} questions x ${forms} forms`,
      skillCount,
      requires: Array.from({ length: skillCount }, () => []),
      items,
      abilities: (random) => [...abilities[Math.floor(random() * abilities.length)]!],
    },
    difficultyCorrelation: correlation(
      own,
      info.map((q) => q.difficulty),
    ),
    learningPerAttempt,
  };
}
