import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { LearnError } from '../../../common/contract/errors.js';
import type { QuizAnswer, QuizQuestion, QuizResult } from '../../../common/contract/quiz.js';
import { Markdown } from './Markdown.js';
import { QuizAnswerField } from './QuizAnswerField.js';
import { QuizFeedback } from './QuizFeedback.js';

const DAY_MS = 24 * 3600 * 1000;

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
  const { question } = props;
  const [picked, setPicked] = useState<number[]>([]);
  // A code item's answer starts as its starter, as the editor shows it.
  const [text, setText] = useState(question.kind === 'code' ? question.starter : '');
  const [cannotCheck, setCannotCheck] = useState<ReactNode>();
  const unavailable = props.unavailable ?? cannotCheck;
  const [result, setResult] = useState<R>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(0);
  const next = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const promptId = `${ids}-prompt`;
  const problemId = `${ids}-problem`;

  useEffect(() => {
    shownAt.current = Date.now();
  }, [question]);
  useEffect(() => {
    if (result) next.current?.focus();
  }, [result]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (result || busy) return;
    const answer: QuizAnswer = question.kind === 'choice' ? picked : question.kind === 'code' ? { code: text } : text;
    setBusy(true);
    try {
      const graded = await props.grade(answer, Math.min(Date.now() - shownAt.current, DAY_MS));
      setProblem(undefined);
      setResult(graded);
      props.onGraded?.(graded);
    } catch (error) {
      // The code sandbox is not there: the item cannot be checked here, which is no miss of the learner's.
      if (error instanceof LearnError && error.code === 'unavailable' && question.kind === 'code') {
        setProblem(undefined);
        setCannotCheck(error.message);
        return;
      }
      // A refused answer records nothing: say why, and let the learner answer again.
      setProblem(
        error instanceof LearnError ? error.message : `Could not check the answer: ${(error as Error).message}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={props.className}
      onSubmit={(e) => void submit(e)}
      aria-labelledby={promptId}
      data-testid={props.testIds.form}
    >
      {props.header}
      <div id={promptId} className="lesson-body quiz-prompt">
        <Markdown source={question.prompt} />
      </div>
      <QuizAnswerField
        question={question}
        picked={picked}
        onPick={setPicked}
        text={text}
        onText={setText}
        result={result}
        problemId={problem ? problemId : undefined}
      />
      {problem && (
        <p id={problemId} className="status status-error" role="alert">
          {problem}
        </p>
      )}
      <div role="status" aria-live="polite" data-testid={props.testIds.feedback}>
        {result && <QuizFeedback result={result}>{props.after?.(result)}</QuizFeedback>}
      </div>
      {unavailable && !result && (
        <div className="status notice" role="status" data-testid="quiz-unavailable">
          <p>
            <strong>This question cannot be checked on this computer:</strong> it needs the code sandbox.
          </p>
          {typeof unavailable === 'string' ? <p>{unavailable}</p> : unavailable}
          <p>Skip it for now; it is not counted as missed.</p>
        </div>
      )}
      <div className="quiz-actions">
        {unavailable && !result && props.onSkip ? (
          <button type="button" onClick={props.onSkip}>
            Skip this question
          </button>
        ) : result ? (
          <button ref={next} type="button" onClick={props.onNext}>
            {props.nextLabel}
          </button>
        ) : (
          <button type="submit" disabled={busy}>
            Check answer
          </button>
        )}
      </div>
    </form>
  );
}
