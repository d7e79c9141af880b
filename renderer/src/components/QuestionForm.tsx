import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LearnError } from '../../../common/contract/errors.js';
import { useAnswer } from '../use-answer.js';
import type { QuizAnswer, QuizQuestion, QuizResult } from '../../../common/contract/quiz.js';
import { QuestionBody } from './QuestionBody.js';
import { QuizFeedback } from './QuizFeedback.js';

interface Props<R extends QuizResult> {
  question: QuizQuestion;
  /** Sends the answer to the core, which grades (and records) it; a refusal is shown and may be answered again. */
  grade: (answer: QuizAnswer, timeSpentMs: number) => Promise<R>;
  onGraded?: (result: R) => void;
  /** What goes above the prompt (a quiz's position). */
  header?: ReactNode;
  /** What the feedback says after the explanation. */
  after?: (result: R) => ReactNode;
  nextLabel: string;
  onNext: () => void;
  className: string;
  /** For tests to find the form and its feedback. */
  testIds: { form: string; feedback: string };
  /**
   * Moves on without an answer: offered when a code item cannot be checked (no code sandbox here),
   * which is never the learner's miss.
   */
  onSkip?: () => void;
  /** Why the item cannot be checked on this machine, known before answering (a code item without Docker). */
  unavailable?: ReactNode;
}

/**
 * One quiz item to answer, in a quiz or a review: the answer, timed from when the item shows and
 * checked by the core, then the verdict, the explanation, and focus on the way on.
 */
export function QuestionForm<R extends QuizResult>(props: Props<R>) {
  const { t } = useTranslation();
  const { question } = props;
  // A code item the core could not check here (no code sandbox): never the learner's miss.
  const [cannotCheck, setCannotCheck] = useState<ReactNode>();
  const unavailable = props.unavailable ?? cannotCheck;
  const [result, setResult] = useState<R>();
  const next = useRef<HTMLButtonElement>(null);
  const answer = useAnswer({
    question,
    send: props.grade,
    onSent: (graded: R) => {
      setResult(graded);
      props.onGraded?.(graded);
    },
    done: result !== undefined,
    handled: (error) => {
      if (!(error instanceof LearnError && error.code === 'unavailable' && question.kind === 'code')) return false;
      setCannotCheck(error.message);
      return true;
    },
    failure: (message) => t('question.checkFailed', { message }),
  });

  useEffect(() => {
    if (result) next.current?.focus();
  }, [result]);

  return (
    <form
      className={props.className}
      onSubmit={(e) => void answer.submit(e)}
      aria-labelledby={answer.promptId}
      data-testid={props.testIds.form}
    >
      {props.header}
      <QuestionBody {...answer.body} result={result} />
      <div role="status" aria-live="polite" data-testid={props.testIds.feedback}>
        {result && <QuizFeedback result={result}>{props.after?.(result)}</QuizFeedback>}
      </div>
      {unavailable && !result && (
        <div className="status notice" role="status" data-testid="quiz-unavailable">
          <p>
            <Trans i18nKey="question.cannotCheck" components={{ strong: <strong /> }} />
          </p>
          {typeof unavailable === 'string' ? <p>{unavailable}</p> : unavailable}
          <p>{t('question.skipNote')}</p>
        </div>
      )}
      <div className="quiz-actions">
        {unavailable && !result && props.onSkip ? (
          <button type="button" onClick={props.onSkip}>
            {t('question.skip')}
          </button>
        ) : result ? (
          <button ref={next} type="button" onClick={props.onNext}>
            {props.nextLabel}
          </button>
        ) : (
          <button type="submit" disabled={answer.busy}>
            {t('question.check')}
          </button>
        )}
      </div>
    </form>
  );
}
