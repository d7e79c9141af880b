import { readFile } from 'node:fs/promises';
import type { Sequence } from '../models/sequence.js';

export type { Sequence };

export class DatasetError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(`${file}, line ${line}: ${reason}`);
    this.name = 'DatasetError';
  }
}

const numbers = (text: string, file: string, line: number, what: string): number[] => {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.at(-1) === '') parts.pop(); // the published files end some lines with a comma
  return parts.map((p) => {
    if (!/^\d+$/.test(p)) throw new DatasetError(file, line, `"${p.slice(0, 20)}" is not ${what}`);
    return Number(p);
  });
};

/**
 * Reads the knowledge-tracing formats of ../shared/data/kt: three lines per learner (count,
 * skill ids, answers) or, for the synthetic sets, one line of 0/1 answers to questions 0..n-1.
 * A bad line stops the read with an error that names it.
 */
export function parseKt(text: string, file: string): Sequence[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  if (lines.length === 0) throw new DatasetError(file, 1, 'the file is empty');
  const triples = !lines[0]!.includes(',');
  const sequences: Sequence[] = [];
  if (!triples) {
    lines.forEach((text, i) => {
      const answers = numbers(text, file, i + 1, 'an answer (0 or 1)');
      if (answers.some((a) => a > 1)) throw new DatasetError(file, i + 1, 'answers are 0 or 1');
      sequences.push({ skills: answers.map((_, q) => q), correct: answers as (0 | 1)[] });
    });
    return sequences;
  }
  if (lines.length % 3 !== 0) {
    throw new DatasetError(file, lines.length, 'the file ends in the middle of a learner (three lines each)');
  }
  for (let i = 0; i < lines.length; i += 3) {
    const [count] = numbers(lines[i]!, file, i + 1, 'a count');
    const skills = numbers(lines[i + 1]!, file, i + 2, 'a skill id');
    const correct = numbers(lines[i + 2]!, file, i + 3, 'an answer (0 or 1)');
    if (count === undefined || skills.length !== count) {
      throw new DatasetError(file, i + 2, `${skills.length} skill ids where line ${i + 1} says ${count}`);
    }
    if (correct.length !== count) {
      throw new DatasetError(file, i + 3, `${correct.length} answers where line ${i + 1} says ${count}`);
    }
    if (correct.some((a) => a > 1)) throw new DatasetError(file, i + 3, 'answers are 0 or 1');
    sequences.push({ skills, correct: correct as (0 | 1)[] });
  }
  return sequences;
}

export async function readKt(file: string): Promise<Sequence[]> {
  return parseKt(await readFile(file, 'utf8'), file);
}
