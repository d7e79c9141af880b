import type { Assessment } from '../../../common/contract/assessments.js';
import type { LearnApi } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { errorMessage, text } from '../i18n/cli-i18n.js';
import { print } from '../terminal-output.js';
import { printReport } from './assess-report.js';
import { lineReader, showQuestion, typedAnswer } from './quiz.js';

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
    const heading = state.kind === 'adaptive' ? 'assess-heading-adaptive' : 'assess-heading-fixed';
    print(text(heading, { title: state.title, max: state.maxItems }));
    print(text('assess-how'));
    while (state.status === 'in-progress' && state.question) {
      const question = state.question;
      print('');
      const at = { n: state.answered + 1, max: state.maxItems };
      const adaptive = state.kind === 'adaptive';
      if (state.timeLeftMs === null) print(text(adaptive ? 'assess-question-adaptive' : 'assess-question', at));
      else {
        const left = minutes(state.timeLeftMs);
        print(text(adaptive ? 'assess-question-adaptive-left' : 'assess-question-left', { ...at, left }));
      }
      showQuestion(question);
      const shown = Date.now();
      const line = await read.next('> ');
      const command = line?.trim().toLowerCase();
      if (line === undefined || command === ':quit') {
        print(text('assess-left', { id: state.assessmentId }));
        return;
      }
      if (command === ':done') break;
      const answer = typedAnswer(line, question);
      if (answer === undefined) continue;
      try {
        const timeSpentMs = Math.min(Date.now() - shown, DAY_MS);
        state = await api.answerAssessmentItem({
          session,
          assessmentId: state.assessmentId,
          itemId: question.id,
          answer,
          timeSpentMs,
        });
        print(text('answer-saved'));
      } catch (error) {
        if (!(error instanceof LearnError) || !['invalid-input', 'conflict'].includes(error.code)) throw error;
        print(errorMessage(error));
        // A refused answer is asked again; an assessment that ended (time up) goes to its report.
        state = await api.getAssessment({ session, assessmentId: state.assessmentId });
      }
    }
  } finally {
    read.close();
  }
  printReport(await api.evaluateAssessment({ session, assessmentId: state.assessmentId }));
}
