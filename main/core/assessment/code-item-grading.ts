import { createHash } from 'node:crypto';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import type { ValidateResult } from '../../../common/contract/playground.js';
import type { QuizAnswer, QuizResult } from '../../../common/contract/quiz.js';
import type { QuizItem } from '../../../content-packs/format/manifest.js';

export type CodeItem = Extract<QuizItem, { kind: 'code' }>;

/**
 * Runs code against a code item's hidden tests in the sandbox of its pack's runtime (`itemId` is
 * qualified, "pack/item"), the way exercises are graded; records nothing.
 */
export type GradeCode = (itemId: string, item: CodeItem, code: string) => Promise<ValidateResult>;

const invalid = (message: Said): never => {
  throw new LearnError('invalid-input', message);
};

// A lone surrogate cannot be stored or sent to Python as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
// Tabs, newlines and carriage returns are code; other control characters are not (NUL ends a C string).
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** The code of an answer to a code item, checked before anything runs: refused in words, never marked wrong. */
export function codeOfAnswer(answer: QuizAnswer): string {
  if (typeof answer !== 'object' || Array.isArray(answer)) {
    return invalid(say('code-answer-expected'));
  }
  const code = answer.code.replace(/\r\n?/g, '\n');
  if (code.trim() === '') invalid(say('code-empty'));
  if (LONE_SURROGATE.test(code)) invalid(say('code-broken-unicode'));
  if (CONTROL.test(code)) invalid(say('code-control-characters'));
  return code;
}

/** The verdict on code: right only when every hidden test ran and passed; with each test's verdict to show. */
export function codeVerdict(
  result: ValidateResult,
  code: string,
): { correct: boolean; recorded: string; shown: Pick<QuizResult, 'checks' | 'checkMessage'> } {
  return {
    correct: result.status === 'pass' && result.tests.length > 0,
    // The progress log keeps a digest, as it does for submissions: the code may be longer than an answer.
    recorded: `sha256:${createHash('sha256').update(code).digest('hex')}`,
    shown: {
      checks: result.tests.map(({ name, status, message }) => ({ name, status, ...(message ? { message } : {}) })),
      ...(result.message ? { checkMessage: result.message } : {}),
    },
  };
}
