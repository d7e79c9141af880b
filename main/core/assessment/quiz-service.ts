import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { AppendResult, RecordInput } from '../../../common/contract/progress.js';
import type { QuizResult } from '../../../common/contract/quiz.js';
import { codeOfAnswer, codeVerdict } from './code-item-grading.js';
import type { GradeCode } from './code-item-grading.js';
import { expectedAnswer, gradeAnswer, questionOf } from './quiz-grading.js';
import type { QuizBank } from './quiz-bank.js';

export type QuizService = Pick<LearnService, 'getQuiz' | 'answerQuizItem'>;

interface Deps {
  learnerOf: (session: string) => string;
  bank: QuizBank;
  /** The module's title and its pack's language, or undefined when it is not installed. */
  module: (moduleId: string) => { title: string; language?: string | undefined } | undefined;
  /** The core's own progress record: the only way a QuizAnswered event is written. */
  record: (session: string, events: readonly RecordInput[]) => Promise<AppendResult>;
  /** Code items' tests in the sandbox; throws `unavailable` (nothing recorded) when it cannot run. */
  gradeCode: GradeCode;
}

/** Quizzes a learner takes: items without their answers, and answers graded here, never by a face. */
export function createQuizService({ learnerOf, bank, module, record, gradeCode }: Deps): QuizService {
  const moduleOf = (moduleId: string) => {
    const found = module(moduleId);
    if (found === undefined) throw new LearnError('not-found', say('module-unknown', { id: moduleId }));
    return found;
  };

  return {
    getQuiz: async ({ session, moduleId, only }) => {
      const learnerId = learnerOf(session);
      const { title, language } = moduleOf(moduleId);
      const items = bank.itemsOf(moduleId);
      const missed = only === 'missed' ? bank.missed(learnerId, moduleId) : undefined;
      return {
        moduleId,
        moduleTitle: title,
        only,
        items: items.filter((i) => !missed || missed.has(i.id)).map((i) => questionOf(i.id, i.item, i.skills)),
        totalItems: items.length,
        ...(language ? { language } : {}),
      };
    },

    answerQuizItem: async ({ session, moduleId, itemId, answer, timeSpentMs }) => {
      learnerOf(session);
      moduleOf(moduleId);
      const stored = bank.find(itemId);
      if (!stored || stored.moduleId !== moduleId) {
        throw new LearnError('not-found', say('quiz-item-unknown', { module: moduleId, item: itemId }));
      }
      const { item } = stored;
      // Grading throws on an answer of the wrong shape, or code the sandbox cannot run, before anything is recorded.
      let graded: { correct: boolean; recorded: string; shown?: Partial<QuizResult> };
      if (item.kind === 'code') {
        const code = codeOfAnswer(answer);
        graded = codeVerdict(await gradeCode(itemId, item, code), code);
      } else graded = gradeAnswer(item, answer);
      const { correct, recorded } = graded;
      await record(session, [
        {
          type: 'QuizAnswered',
          // Skills are copied in from the pack by the progress record.
          data: { quizItemId: itemId, correct, answer: recorded, timeSpentMs },
        },
      ]);
      return { itemId, correct, ...expectedAnswer(item), explanation: item.explanation, ...graded.shown };
    },
  };
}
