import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import type { QuizAnswer, QuizQuestion, QuizResult } from '../../../common/contract/quiz.js';
import { choiceLetter, MAX_QUIZ_ANSWER_LENGTH } from '../../../common/contract/quiz.js';
import type { QuizItem } from '../../../content-packs/format/manifest.js';
import { normalizeShortAnswer } from './short-answer.js';

/** What grading an answer gives: the verdict and the answer as the progress log keeps it. */
export interface Graded {
  correct: boolean;
  /** The learner's answer as text, for the QuizAnswered event. */
  recorded: string;
}

const invalid = (message: Said): never => {
  throw new LearnError('invalid-input', message);
};

// A lone surrogate cannot be stored as UTF-8: SQLite would keep a replacement character instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/u;

const checkText = (text: string): string => {
  if (LONE_SURROGATE.test(text)) invalid(say('answer-broken-unicode'));
  if (CONTROL.test(text)) invalid(say('answer-control-characters'));
  if (text.trim() === '') invalid(say('answer-empty'));
  return text;
};

const rightChoices = (item: Extract<QuizItem, { kind: 'choice' }>) => [item.answer].flat().sort((a, b) => a - b);

function gradeChoice(item: Extract<QuizItem, { kind: 'choice' }>, answer: QuizAnswer): Graded {
  const multiple = Array.isArray(item.answer);
  const range = { first: 0, last: item.choices.length - 1 };
  if (typeof answer === 'string') invalid(say('answer-choice-not-text', range));
  const picked = [answer].flat() as number[];
  if (picked.length === 0) invalid(say('answer-choose-first'));
  if (!multiple && picked.length > 1) invalid(say('answer-choose-one'));
  const bad = picked.find((i) => !Number.isInteger(i) || i < 0 || i >= item.choices.length);
  if (bad !== undefined) invalid(say('answer-no-such-choice', { choice: bad, ...range }));
  if (new Set(picked).size !== picked.length) invalid(say('answer-choice-twice'));
  const sorted = [...picked].sort((a, b) => a - b);
  const right = rightChoices(item);
  return {
    correct: sorted.length === right.length && sorted.every((i, n) => i === right[n]),
    recorded: sorted.join(','),
  };
}

/** "0.5", " -3 ", "1e3", "２" (full-width digits); no thousands separators or decimal commas, which are ambiguous. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function parseNumber(answer: QuizAnswer): number {
  if (typeof answer === 'number') return Number.isFinite(answer) ? answer : invalid(say('answer-not-finite'));
  if (typeof answer !== 'string') return invalid(say('answer-number-not-choice'));
  const text = checkText(answer).normalize('NFKC').trim().replace(/^−/, '-');
  if (!NUMBER.test(text)) {
    return invalid(say('answer-not-a-number', { given: answer.trim().slice(0, 40) }));
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : invalid(say('answer-number-too-large'));
}

function gradeNumeric(item: Extract<QuizItem, { kind: 'numeric' }>, answer: QuizAnswer): Graded {
  const value = parseNumber(answer);
  // A hair of slack for binary fractions (0.1 + 0.2), far below any tolerance an author writes.
  const slack = 1e-9 * Math.max(1, Math.abs(item.answer));
  return { correct: Math.abs(value - item.answer) <= item.tolerance + slack, recorded: String(value) };
}

function gradeShort(item: Extract<QuizItem, { kind: 'short' }>, answer: QuizAnswer): Graded {
  if (typeof answer !== 'string') invalid(say('answer-text-expected'));
  const text = checkText(answer as string);
  // Some characters take two code units in NFC (composition exclusions): the log keeps at most the limit.
  const recorded = text.normalize('NFC').trim();
  if (recorded.length > MAX_QUIZ_ANSWER_LENGTH) {
    invalid(say('answer-too-long', { max: MAX_QUIZ_ANSWER_LENGTH }));
  }
  const given = normalizeShortAnswer(text, item.caseSensitive);
  if (given === '') invalid(say('answer-empty'));
  const correct = item.answers.some((accepted) => normalizeShortAnswer(accepted, item.caseSensitive) === given);
  return { correct, recorded };
}

/** Grades one answer; an answer of the wrong shape for the item is refused (invalid-input), never marked wrong. */
export function gradeAnswer(item: QuizItem, answer: QuizAnswer): Graded {
  switch (item.kind) {
    case 'choice':
      return gradeChoice(item, answer);
    case 'numeric':
      return gradeNumeric(item, answer);
    case 'short':
      return gradeShort(item, answer);
    case 'code':
      // Its tests run in the sandbox, asynchronously: code-item-grading.ts.
      throw new Error('a code item is graded in the sandbox (gradeCodeItem), not here');
  }
}

/** The right answer in words, shown after the learner answered. */
export function expectedAnswer(item: QuizItem): Pick<QuizResult, 'expected' | 'correctChoices'> {
  switch (item.kind) {
    case 'choice': {
      const right = rightChoices(item);
      const words = right.map((i) => `${choiceLetter(i)}. ${item.choices[i]}`);
      return { expected: words.join(' and '), correctChoices: right };
    }
    case 'numeric':
      return { expected: item.tolerance > 0 ? `${item.answer}, give or take ${item.tolerance}` : String(item.answer) };
    case 'short':
      return {
        expected:
          item.answers.length > 1
            ? `${item.answers[0]} (also accepted: ${item.answers.slice(1).join(', ')})`
            : item.answers[0]!,
      };
    case 'code':
      return { expected: item.solution };
  }
}

/** The item as a learner sees it before answering: no answers, no explanation. */
export function questionOf(id: string, item: QuizItem, skills: string[]): QuizQuestion {
  const base = { id, prompt: item.prompt, difficulty: item.difficulty, skills };
  if (item.kind === 'choice')
    return { ...base, kind: 'choice', choices: item.choices, multiple: Array.isArray(item.answer) };
  if (item.kind === 'code') return { ...base, kind: 'code', starter: item.starter };
  return { ...base, kind: item.kind };
}
