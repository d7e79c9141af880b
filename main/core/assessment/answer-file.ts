import { z } from 'zod';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { ScoredAnswer } from './irt/calibrate.js';

/** The most answers one file may hold (a district's year of quizzes fits many times over). */
export const MAX_ANSWERS = 2_000_000;

const id = z.string().trim().min(1).max(161);
const verdicts = new Map<string, boolean>([
  ['1', true],
  ['true', true],
  ['right', true],
  ['correct', true],
  ['0', false],
  ['false', false],
  ['wrong', false],
  ['incorrect', false],
]);
const jsonAnswer = z.strictObject({
  learner: id,
  item: id,
  correct: z.union([z.boolean(), z.literal(0), z.literal(1)]),
});

const invalid = (message: Said): never => {
  throw new LearnError('invalid-input', message);
};

function parseCsv(text: string): ScoredAnswer[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  const column = (name: string) => {
    const at = header.indexOf(name);
    return at >= 0 ? at : invalid(say('answers-csv-column', { name }));
  };
  const [learner, item, correct] = [column('learner'), column('item'), column('correct')];
  const answers: ScoredAnswer[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') continue;
    const cells = line.split(',').map((c) => c.trim());
    const verdict = verdicts.get((cells[correct] ?? '').toLowerCase());
    if (!cells[learner] || !cells[item] || verdict === undefined) {
      invalid(say('answers-csv-line', { line: n + 1, text: line.slice(0, 60) }));
    }
    if (cells[item]!.length > 161 || cells[learner]!.length > 161) invalid(say('answers-id-too-long', { line: n + 1 }));
    answers.push({ learner: cells[learner]!, item: cells[item]!, correct: verdict! });
    if (answers.length > MAX_ANSWERS) invalid(say('answers-too-many', { limit: MAX_ANSWERS }));
  }
  return answers;
}

function parseJson(text: string): ScoredAnswer[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return invalid(say('answers-not-json', { detail: (error as Error).message }));
  }
  if (!Array.isArray(value)) invalid(say('answers-json-not-list'));
  const list = value as unknown[];
  if (list.length > MAX_ANSWERS) invalid(say('answers-too-many', { limit: MAX_ANSWERS }));
  return list.map((entry, n) => {
    const parsed = jsonAnswer.safeParse(entry);
    if (!parsed.success) {
      return invalid(say('answers-json-entry', { index: n + 1 }));
    }
    return {
      learner: parsed.data.learner,
      item: parsed.data.item,
      correct: parsed.data.correct === true || parsed.data.correct === 1,
    };
  });
}

/**
 * Answers for calibration from a file: CSV with a header naming learner, item and correct (1/0,
 * true/false), or JSON, a list of {"learner", "item", "correct"}. Any line it cannot read is an
 * error naming the line: a half-read file must not recalibrate the bank.
 */
export function parseAnswerFile(text: string): ScoredAnswer[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') invalid(say('answers-empty'));
  const answers = /^[[{]/.test(trimmed) ? parseJson(trimmed) : parseCsv(trimmed);
  if (answers.length === 0) invalid(say('answers-none'));
  return answers;
}
