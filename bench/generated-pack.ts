// The generated pack the content bench installs and searches: Zipf-distributed programming words.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './stats.js';

export const MODULES = 100;
export const LESSONS_PER_MODULE = 100;
export const EXERCISES_PER_MODULE = 50;

export const random = rng(42);
export const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

export const BASE = `variable function loop list dictionary tuple string integer float boolean class method object
  attribute inheritance exception generator iterator decorator closure lambda comprehension module package import
  async await coroutine task queue branch session model operation tool schema validation pydantic agent message
  prompt response parse format slice index append extend insert remove sort reverse filter map reduce zip range
  enumerate yield return raise try except finally context manager file path json csv datetime random math regex`
  .split(/\s+/)
  .filter(Boolean);
// Text follows Zipf's law, like natural language: word k appears with weight 1/k. The first
// words are the base programming terms, so the most common ones occur in nearly every lesson.
export const VOCAB = [...BASE, ...Array.from({ length: 5000 }, (_, i) => `${pick(BASE)}${i.toString(36)}`)];
const CDF = (() => {
  let sum = 0;
  return VOCAB.map((_, k) => (sum += 1 / (k + 1)));
})();
function zipfRank(): number {
  const target = random() * CDF[CDF.length - 1]!;
  let lo = 0;
  let hi = CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CDF[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const word = () => VOCAB[zipfRank()]!;
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
export const COMMON = 50;
export const commonWord = () => VOCAB[Math.floor(random() * COMMON)]!;
export const topicalWord = () => VOCAB[COMMON + Math.floor(random() * 3000)]!;
/** A query word: one time in five among the 50 most common words (the slow case), else a topical one. */
export const queryWord = () => (random() < 0.2 ? commonWord() : topicalWord());
/** One typo in a word: a swap, a deletion, an insertion or a substitution, past the first letter. */
export function typo(w: string): string {
  const at = 1 + Math.floor(random() * (w.length - 2));
  const letter = pick([...'abcdefghijklmnopqrstuvwxyz']);
  const edits = [
    () => w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2),
    () => w.slice(0, at) + w.slice(at + 1),
    () => w.slice(0, at) + letter + w.slice(at),
    () => w.slice(0, at) + letter + w.slice(at + 1),
  ];
  return pick(edits)();
}

export function generateSource(dir: string): void {
  const modules = [];
  for (let m = 0; m < MODULES; m++) {
    const lessons = [];
    const exercises = [];
    for (let l = 0; l < LESSONS_PER_MODULE; l++) {
      const file = `lessons/m${m}/l${l}.md`;
      mkdirSync(join(dir, `lessons/m${m}`), { recursive: true });
      const body = `# Lesson ${m}-${l}\n\n${sentence(120)}\n\n\`\`\`python\ndef ${pick(BASE)}_${l}(x):\n    return x\n\`\`\`\n\n${sentence(60)}\n`;
      writeFileSync(join(dir, file), body);
      lessons.push({ id: `m${m}-l${l}`, title: `Lesson ${m}-${l}: ${sentence(3)}`, file, skills: [`s${m % 20}`] });
    }
    for (let e = 0; e < EXERCISES_PER_MODULE; e++) {
      const exerciseDir = `exercises/m${m}/e${e}`;
      mkdirSync(join(dir, exerciseDir), { recursive: true });
      writeFileSync(join(dir, exerciseDir, 'prompt.md'), `# Exercise ${m}-${e}\n\n${sentence(50)}\n`);
      writeFileSync(
        join(dir, exerciseDir, 'starter.py'),
        `def solve(x):\n    raise NotImplementedError  # ${sentence(5)}\n`,
      );
      writeFileSync(join(dir, exerciseDir, 'solution.py'), 'def solve(x):\n    return x\n');
      writeFileSync(join(dir, exerciseDir, 'tests.py'), 'import unittest\nfrom solution import solve\n');
      exercises.push({
        id: `m${m}-e${e}`,
        title: `Exercise ${m}-${e}: ${sentence(3)}`,
        dir: exerciseDir,
        difficulty: 1 + (e % 5),
        skills: [`s${m % 20}`],
      });
    }
    modules.push({ id: `m${m}`, title: `Module ${m}`, description: sentence(12), lessons, exercises });
  }
  writeBenchManifest(
    dir,
    'bench',
    Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, title: `Skill ${i}` })),
    modules,
  );
}

/** The pack.json of a generated benchmark pack: the benches differ only in id, skills and modules. */
export function writeBenchManifest(dir: string, id: string, skills: object[], modules: object[]): void {
  const manifest = {
    formatVersion: 1,
    id,
    version: '1.0.0',
    title: 'Benchmark pack',
    description: 'Generated',
    language: 'en',
    authors: ['bench'],
    license: 'CC0-1.0',
    skills,
    modules,
  };
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest));
}

export interface Query {
  query: string;
  filters: { kind?: 'lesson' | 'exercise'; moduleId?: string; difficulty?: number };
}

/** The query classes measured, each on its own row: the slow ones must not hide in an average. */
export function queryClasses(perClass: number): [string, Query[]][] {
  const n = (make: () => Query) => Array.from({ length: perClass }, make);
  const plain = (query: string): Query => ({ query, filters: {} });
  const filter = (): Query['filters'] => {
    const f = random();
    return f < 0.4
      ? { kind: pick(['lesson', 'exercise'] as const) }
      : f < 0.8
        ? { moduleId: `bench/m${Math.floor(random() * MODULES)}` }
        : { kind: 'exercise', difficulty: 1 + Math.floor(random() * 5) };
  };
  return [
    ['one topical word', n(() => plain(topicalWord()))],
    ['one common word', n(() => plain(commonWord()))],
    ['two words', n(() => plain(`${queryWord()} ${queryWord()}`))],
    ['three words', n(() => plain(`${topicalWord()} ${queryWord()} ${topicalWord()}`))],
    ['three words, the last common', n(() => plain(`${queryWord()} ${queryWord()} ${commonWord()}`))],
    ['a prefix as you type (3-5 letters)', n(() => plain(queryWord().slice(0, 3 + Math.floor(random() * 3))))],
    [
      'one or two words, filtered',
      n(() => ({ query: random() < 0.5 ? queryWord() : `${queryWord()} ${queryWord()}`, filters: filter() })),
    ],
  ];
}

/** Typo queries: ours respells them; the LIKE scan has no vocabulary, so there is no baseline. */
export const typoQueries = (perClass: number) =>
  Array.from({ length: perClass }, () => ({ query: typo(topicalWord()), filters: {} }));
