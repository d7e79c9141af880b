import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { AssessmentStore } from './assessment-store.js';
import { calibrate } from './irt/calibrate.js';
import type { Calibration, ScoredAnswer } from './irt/calibrate.js';
import { authorParams } from './irt/two-pl.js';
import type { QuizBank } from './quiz-bank.js';

export interface BankCalibration extends Calibration {
  /** Where the answers came from: a file, or this machine's own quiz answers. */
  source: 'file' | 'app';
  learners: number;
}

/**
 * Refits the installed item bank's 2PL parameters from answers (an admin's class data, or this
 * machine's quiz answers when none are given) and stores them for the adaptive tests that start
 * after. Each item's prior is its author's difficulty. Answers naming an item that is not installed
 * refuse the whole file, and nothing is stored.
 */
export function calibrateBank(
  store: AssessmentStore,
  bank: QuizBank,
  given: readonly ScoredAnswer[] | undefined,
  now: Date,
): BankCalibration {
  const answers = given ?? store.quizAnswers();
  if (answers.length === 0) {
    throw new LearnError('invalid-input', say('calibration-no-answers'));
  }
  const difficulty = new Map<string, number>();
  const unknown = new Set<string>();
  for (const { item } of answers) {
    if (difficulty.has(item) || unknown.has(item)) continue;
    const stored = bank.find(item);
    if (stored) difficulty.set(item, stored.item.difficulty);
    else unknown.add(item);
  }
  if (unknown.size > 0) {
    const named = [...unknown].slice(0, 5).map((id) => `"${id}"`);
    throw new LearnError('invalid-input', say('calibration-unknown-items', { count: unknown.size, items: named }));
  }
  const fit = calibrate(answers, { priorOf: (item) => authorParams(difficulty.get(item)!) });
  store.saveParams(fit.items, now.toISOString());
  return { ...fit, source: given ? 'file' : 'app', learners: new Set(answers.map((a) => a.learner)).size };
}
