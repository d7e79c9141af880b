import type { Assessment } from '../../../common/contract/assessments.js';
import type { LearnApi } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { QuizAnswer } from '../../../common/contract/quiz.js';
import { choiceLetter } from '../../../common/contract/quiz.js';
import { print } from '../terminal-output.js';
import { printReport } from './assess-report.js';
import { lineReader, parseChoices, showQuestion } from './quiz.js';

const DAY_MS = 24 * 3600 * 1000;

const minutes = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * Takes an assessment in the terminal from where it stands: one question at a time, no verdicts
 * until the end (the core gives none), then the report. `:quit` leaves it to resume later,
 * `:done` hands it in.
 */
export async function takeAssessment(api: LearnApi, session: string, start: Assessment): Promise<void> {
  const read = lineReader();
  let state = start;
  try {
    print(
      `${state.title}${state.kind === 'adaptive' ? `, up to ${state.maxItems} items` : `, ${state.maxItems} items`}.`,
    );
    print('Answers are checked at the end. Type :quit to leave (resume it later) or :done to hand it in.');
    while (state.status === 'in-progress' && state.question) {
      const question = state.question;
      print('');
      const left = state.timeLeftMs === null ? '' : ` (${minutes(state.timeLeftMs)} left)`;
      print(`Question ${state.answered + 1} of ${state.kind === 'adaptive' ? 'up to ' : ''}${state.maxItems}${left}`);
      showQuestion(question);
      const shown = Date.now();
      const line = await read.next('> ');
      const command = line?.trim().toLowerCase();
      if (line === undefined || command === ':quit') {
        print(`Left it for now: \`lionlearn assess resume ${state.assessmentId}\` goes on where you stopped.`);
        return;
      }
      if (command === ':done') break;
      let answer: QuizAnswer = line;
      if (question.kind === 'choice') {
        const picked = parseChoices(line, question);
        if (!picked) {
          print(
            `Answer with the letter of a choice (${choiceLetter(0)}-${choiceLetter(question.choices.length - 1)}).`,
          );
          continue;
        }
        answer = picked;
      }
      try {
        const timeSpentMs = Math.min(Date.now() - shown, DAY_MS);
        state = await api.answerAssessmentItem({
          session,
          assessmentId: state.assessmentId,
          itemId: question.id,
          answer,
          timeSpentMs,
        });
        print('Answer saved.');
      } catch (error) {
        if (!(error instanceof LearnError) || !['invalid-input', 'conflict'].includes(error.code)) throw error;
        print(error.message);
        // A refused answer is asked again; an assessment that ended (time up) goes to its report.
        state = await api.getAssessment({ session, assessmentId: state.assessmentId });
      }
    }
  } finally {
    read.close();
  }
  printReport(await api.evaluateAssessment({ session, assessmentId: state.assessmentId }));
}
