import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { LearnError } from '../../../common/contract/errors.js';
import type { Quiz, QuizAnswer, QuizQuestion, QuizResult } from '../../../common/contract/quiz.js';
import { choiceLetter } from '../../../common/contract/quiz.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { Markdown } from '../components/Markdown.js';
import { NextStep } from '../components/NextStep.js';
import { ModuleBreadcrumb } from '../components/ModuleBreadcrumb.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';

const DAY_MS = 24 * 3600 * 1000;

interface Answered {
  question: QuizQuestion;
  result: QuizResult;
}

/** One question: the learner's answer, checked by the core, then the verdict and the explanation. */
function QuestionCard({
  moduleId,
  question,
  position,
  total,
  onAnswered,
  onNext,
  last,
}: {
  moduleId: string;
  question: QuizQuestion;
  position: number;
  total: number;
  onAnswered: (result: QuizResult) => void;
  onNext: () => void;
  last: boolean;
}) {
  const session = useSession();
  const [picked, setPicked] = useState<number[]>([]);
  const [text, setText] = useState('');
  const [result, setResult] = useState<QuizResult>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(0);
  const next = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const promptId = `${ids}-prompt`;
  const problemId = `${ids}-problem`;

  useEffect(() => {
    shownAt.current = Date.now();
  }, []);
  useEffect(() => {
    if (result) next.current?.focus();
  }, [result]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (result || busy) return;
    const answer: QuizAnswer = question.kind === 'choice' ? picked : text;
    setBusy(true);
    try {
      const timeSpentMs = Math.min(Date.now() - shownAt.current, DAY_MS);
      const graded = await learn().answerQuizItem({ session, moduleId, itemId: question.id, answer, timeSpentMs });
      setProblem(undefined);
      setResult(graded);
      onAnswered(graded);
    } catch (error) {
      // A refused answer records nothing: say why, and let the learner answer again.
      setProblem(
        error instanceof LearnError ? error.message : `Could not check the answer: ${(error as Error).message}`,
      );
    } finally {
      setBusy(false);
    }
  };

  const toggle = (i: number) =>
    setPicked((now) =>
      question.kind === 'choice' && question.multiple
        ? now.includes(i)
          ? now.filter((x) => x !== i)
          : [...now, i]
        : [i],
    );
  const right = new Set(result?.correctChoices ?? []);
  const describedBy = problem ? problemId : undefined;

  return (
    <form
      className="panel quiz-card"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={promptId}
      data-testid="quiz-item"
    >
      <p className="quiz-position">
        Question {position} of {total}
      </p>
      <progress
        className="quiz-progress"
        value={position}
        max={total}
        aria-label={`Question ${position} of ${total}`}
      />
      <div id={promptId} className="lesson-body quiz-prompt">
        <Markdown source={question.prompt} />
      </div>
      {question.kind === 'choice' ? (
        <fieldset className="quiz-choices" disabled={result !== undefined} aria-describedby={describedBy}>
          <legend>{question.multiple ? 'Choose all that apply' : 'Choose one answer'}</legend>
          {question.choices.map((choice, i) => (
            <label
              key={i}
              className={
                result
                  ? right.has(i)
                    ? 'quiz-choice right'
                    : picked.includes(i)
                      ? 'quiz-choice wrong'
                      : 'quiz-choice'
                  : 'quiz-choice'
              }
            >
              <input
                type={question.multiple ? 'checkbox' : 'radio'}
                name={`${ids}-choice`}
                checked={picked.includes(i)}
                onChange={() => toggle(i)}
              />
              <span className="quiz-letter" aria-hidden="true">
                {choiceLetter(i)}.
              </span>{' '}
              <code>{choice}</code>
              {result && right.has(i) && <span className="visually-hidden"> (right answer)</span>}
            </label>
          ))}
        </fieldset>
      ) : (
        <label className="quiz-text">
          {question.kind === 'numeric' ? 'Your answer (a number)' : 'Your answer'}
          <input
            type="text"
            inputMode={question.kind === 'numeric' ? 'decimal' : 'text'}
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            value={text}
            disabled={result !== undefined}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      )}
      {problem && (
        <p id={problemId} className="status status-error" role="alert">
          {problem}
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="quiz-feedback">
        {result && (
          <div className={result.correct ? 'quiz-feedback success' : 'quiz-feedback miss'}>
            <p>
              <strong>{result.correct ? '✓ Right.' : '✗ Not quite.'}</strong>
              {!result.correct && (
                <>
                  {' '}
                  The answer: <code>{result.expected}</code>
                </>
              )}
            </p>
            {result.explanation && <Markdown source={result.explanation} />}
          </div>
        )}
      </div>
      <div className="quiz-actions">
        {result ? (
          <button ref={next} type="button" onClick={onNext}>
            {last ? 'See your results' : 'Next question'}
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

function Summary({ quiz, answered, onRetry }: { quiz: Quiz; answered: Answered[]; onRetry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const right = answered.filter((a) => a.result.correct).length;
  const missed = answered.filter((a) => !a.result.correct);
  return (
    <section className="panel quiz-summary" aria-labelledby="quiz-summary-heading" data-testid="quiz-summary">
      <h2 id="quiz-summary-heading" ref={heading} tabIndex={-1}>
        You got {right} of {answered.length} right
      </h2>
      <ol className="quiz-results" aria-label="Your answers">
        {answered.map(({ question, result }) => (
          <li key={question.id}>
            <span aria-hidden="true">{result.correct ? '✓' : '✗'}</span>{' '}
            <span className="visually-hidden">{result.correct ? 'Right:' : 'Missed:'}</span>{' '}
            {question.prompt.split('\n')[0]}
          </li>
        ))}
      </ol>
      <p className="quiz-actions">
        {missed.length > 0 && (
          <button type="button" onClick={onRetry}>
            Retry missed items ({missed.length})
          </button>
        )}{' '}
        <a href={hrefFor.module(quiz.moduleId)}>Back to {quiz.moduleTitle}</a>
      </p>
      {/* A module's quiz sits in the teaching order under the module's id; the score is read with it. */}
      <NextStep after={quiz.moduleId} focus describedBy="quiz-summary-heading" />
    </section>
  );
}

/** One pass through the items (the whole quiz, or the missed ones): a fresh run per round. */
function QuizRun({ quiz, startAt, onRetry }: { quiz: Quiz; startAt: number; onRetry: () => void }) {
  const [index, setIndex] = useState(startAt);
  const [answered, setAnswered] = useState<Answered[]>([]);
  const [done, setDone] = useState(false);
  const question = quiz.items[index];
  if (done) return <Summary quiz={quiz} answered={answered} onRetry={onRetry} />;
  if (!question) return null;
  const last = index === quiz.items.length - 1;
  return (
    <QuestionCard
      key={question.id}
      moduleId={quiz.moduleId}
      question={question}
      position={index + 1}
      total={quiz.items.length}
      last={last}
      onAnswered={(result) => setAnswered((a) => [...a, { question, result }])}
      onNext={() => (last ? setDone(true) : setIndex(index + 1))}
    />
  );
}

/** A module's quiz, one item at a time, with feedback after each and a retry of the missed ones. */
export function QuizScreen({ moduleId, itemId }: { moduleId: string; itemId?: string }) {
  const session = useSession();
  const [round, setRound] = useState<{ n: number; only: 'all' | 'missed' }>({ n: 0, only: 'all' });
  const key = `${session}-${moduleId}-${round.n}-${round.only}`;
  const state = useLoad(key, () => learn().getQuiz({ session, moduleId, only: round.only }));
  return (
    <LoadStatus state={state} what="this quiz">
      {(quiz) => (
        <section aria-labelledby="quiz-heading" className="quiz">
          <ModuleBreadcrumb moduleId={quiz.moduleId} moduleTitle={quiz.moduleTitle} />
          <h1 id="quiz-heading">
            {quiz.moduleTitle}: {quiz.only === 'missed' ? 'retry missed items' : 'quiz'}
          </h1>
          {quiz.items.length === 0 ? (
            <p className="empty">
              {quiz.only === 'missed' ? 'No missed items left: well done.' : 'This module has no quiz yet.'}{' '}
              <a href={hrefFor.module(quiz.moduleId)}>Back to {quiz.moduleTitle}</a>
            </p>
          ) : (
            <QuizRun
              key={key}
              quiz={quiz}
              // The first round starts at the item a search hit named, if any.
              startAt={
                round.n === 0 && itemId
                  ? Math.max(
                      0,
                      quiz.items.findIndex((q) => q.id === itemId),
                    )
                  : 0
              }
              onRetry={() => setRound((r) => ({ n: r.n + 1, only: 'missed' }))}
            />
          )}
        </section>
      )}
    </LoadStatus>
  );
}
