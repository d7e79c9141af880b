import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../common/contract/assessments.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { QuizQuestion } from '../../../common/contract/quiz.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { QuestionBody } from '../components/QuestionBody.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { useAnswer } from '../use-answer.js';
import { TimeLeft } from './TimeLeft.js';

interface Props {
  state: Assessment & { question: QuizQuestion };
  /** When the time runs out, in this machine's clock (from the core's time left at load). */
  endsAt: number | null;
  /** The assessment as the core now has it: the next question, or ended. */
  onChanged: (next: Assessment) => void;
  onHandIn: () => void;
}

/**
 * One question of an assessment. The answer is saved, not judged: the core says nothing of how it
 * went until the end, so neither does this form. Focus goes to the question's position each time,
 * so a keyboard or screen-reader user hears that a new question came.
 */
export function AssessmentQuestion({ state, endsAt, onChanged, onHandIn }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const { question } = state;
  const [confirming, setConfirming] = useState(false);
  const [reloadProblem, setReloadProblem] = useState<string>();
  const position = useRef<HTMLHeadingElement>(null);
  const n = state.answered + 1;
  const adaptive = state.kind === 'adaptive';

  useEffect(() => position.current?.focus(), [question.id]);

  const reload = () =>
    learn()
      .getAssessment({ session, assessmentId: state.assessmentId })
      .then(onChanged, (error: Error) => setReloadProblem(error.message));

  const answer = useAnswer({
    question,
    send: (value, timeSpentMs) =>
      learn().answerAssessmentItem({
        session,
        assessmentId: state.assessmentId,
        itemId: question.id,
        answer: value,
        timeSpentMs,
      }),
    onSent: onChanged,
    // Time up (or the test ended elsewhere): the core ended it; show where it stands.
    handled: (error) => {
      if (!(error instanceof LearnError) || error.code !== 'conflict') return false;
      void reload();
      return true;
    },
    failure: (message) => t('assessment.question.couldNotSave', { message }),
  });

  return (
    <form
      className="panel quiz-card assessment-card"
      onSubmit={(e) => void answer.submit(e)}
      aria-labelledby={answer.promptId}
      data-testid="assessment-item"
    >
      <div className="assessment-status">
        <h2 className="quiz-position" ref={position} tabIndex={-1}>
          {t(adaptive ? 'assessment.question.positionAdaptive' : 'assessment.question.position', {
            position: n,
            total: state.maxItems,
          })}
        </h2>
        {endsAt !== null && <TimeLeft endsAt={endsAt} onExpired={() => void reload()} />}
      </div>
      <progress
        className="quiz-progress"
        value={state.answered}
        max={state.maxItems}
        aria-label={t(adaptive ? 'assessment.question.progressAdaptive' : 'assessment.question.progress', {
          answered: state.answered,
          total: state.maxItems,
        })}
      />
      <QuestionBody {...answer.body} problem={answer.body.problem ?? reloadProblem} result={undefined} />
      <p className="status">{t('assessment.question.checkedAtEnd')}</p>
      <div className="quiz-actions">
        <button type="submit" disabled={answer.busy}>
          {t('assessment.question.save')}
        </button>{' '}
        <button type="button" onClick={() => setConfirming(true)}>
          {t('assessment.question.handInNow')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('assessment.question.handInTitle')}
        confirmLabel={t('assessment.question.handIn')}
        onConfirm={() => {
          setConfirming(false);
          onHandIn();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('assessment.question.handInBody', { count: state.answered })}</p>
      </ConfirmDialog>
    </form>
  );
}
