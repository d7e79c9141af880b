import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { LearnError } from '../../../common/contract/errors.js';
import type { QuizQuestion } from '../../../common/contract/quiz.js';
import { choiceLetter } from '../../../common/contract/quiz.js';
import { reviewRatingNames } from '../../../common/contract/reviews.js';
import type { ReviewResult } from '../../../common/contract/reviews.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { useLoad } from '../use-load.js';
import { Markdown } from './Markdown.js';

const DAY_MS = 24 * 3600 * 1000;
const message = (error: unknown) =>
  error instanceof LearnError ? error.message : `Could not save the review: ${(error as Error).message}`;
const dayOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** The answer field(s) of a review question: choices as radios or checkboxes, else one text field. */
function AnswerField(props: {
  question: QuizQuestion;
  picked: number[];
  onPick: (picked: number[]) => void;
  text: string;
  onText: (text: string) => void;
  locked: boolean;
  describedBy: string | undefined;
  right: Set<number>;
}) {
  const { question, picked, locked } = props;
  const name = useId();
  if (question.kind !== 'choice') {
    return (
      <label className="quiz-text">
        {question.kind === 'numeric' ? 'Your answer (a number)' : 'Your answer'}
        <input
          type="text"
          inputMode={question.kind === 'numeric' ? 'decimal' : 'text'}
          autoComplete="off"
          maxLength={500}
          value={props.text}
          disabled={locked}
          aria-describedby={props.describedBy}
          onChange={(e) => props.onText(e.target.value)}
        />
      </label>
    );
  }
  const pick = (i: number) =>
    props.onPick(question.multiple ? (picked.includes(i) ? picked.filter((x) => x !== i) : [...picked, i]) : [i]);
  return (
    <fieldset className="quiz-choices" disabled={locked} aria-describedby={props.describedBy}>
      <legend>{question.multiple ? 'Choose all that apply' : 'Choose one answer'}</legend>
      {question.choices.map((choice, i) => (
        <label key={i} className={`quiz-choice${locked && props.right.has(i) ? ' right' : ''}`}>
          <input
            type={question.multiple ? 'checkbox' : 'radio'}
            name={name}
            checked={picked.includes(i)}
            onChange={() => pick(i)}
          />{' '}
          {choiceLetter(i)}. <code>{choice}</code>
          {locked && props.right.has(i) && <span className="visually-hidden"> (right answer)</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** The learner's own rating: only for a skill the packs have no question on. */
function SelfRating({ skillId, title, onDone }: { skillId: string; title: string; onDone: () => void }) {
  const session = useSession();
  const [problem, setProblem] = useState<string>();
  const rate = (rating: number) =>
    learn()
      .rateReview({ session, skillId, rating })
      .then(onDone, (e: unknown) => setProblem(message(e)));
  return (
    <div className="review-self">
      <p className="status">
        No question covers “{title}” yet, so rate it yourself: recall what you know about it, then say how well it came
        back.
      </p>
      <span role="group" aria-label={`How well did you recall ${title}?`}>
        {([1, 2, 3, 4] as const).map((rating) => (
          <button key={rating} type="button" onClick={() => void rate(rating)}>
            {reviewRatingNames[rating]}
          </button>
        ))}
      </span>
      {problem && (
        <p role="alert" className="status-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** One due review: a question on the skill, graded by the core, which also rates the recall from it. */
export function ReviewCard({ skillId, title, onDone }: { skillId: string; title: string; onDone: () => void }) {
  const session = useSession();
  const state = useLoad(`review-${session}-${skillId}`, () => learn().getReviewQuestion({ session, skillId }));
  const [picked, setPicked] = useState<number[]>([]);
  const [text, setText] = useState('');
  const [result, setResult] = useState<ReviewResult>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(0);
  const next = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const question = state.status === 'ready' ? state.value.question : null;

  // The time to recall runs from when the question shows.
  useEffect(() => {
    if (question) shownAt.current = Date.now();
  }, [question]);
  useEffect(() => {
    if (result) next.current?.focus();
  }, [result]);

  if (state.status === 'loading') return <p className="status">Loading the question…</p>;
  if (state.status === 'error') return <p className="status-error">Could not load a question: {state.message}</p>;
  if (!question) return <SelfRating skillId={skillId} title={title} onDone={onDone} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (result || busy) return;
    setBusy(true);
    try {
      const timeSpentMs = Math.min(Date.now() - shownAt.current, DAY_MS);
      const answer = question.kind === 'choice' ? picked : text;
      setResult(await learn().answerReview({ session, skillId, itemId: question.id, answer, timeSpentMs }));
      setProblem(undefined);
    } catch (error) {
      // A refused answer records nothing: say why, and let the learner answer again.
      setProblem(message(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="quiz-card review-card" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-prompt`}>
      <div id={`${ids}-prompt`} className="lesson-body quiz-prompt">
        <Markdown source={question.prompt} />
      </div>
      <AnswerField
        question={question}
        picked={picked}
        onPick={setPicked}
        text={text}
        onText={setText}
        locked={result !== undefined}
        describedBy={problem ? `${ids}-problem` : undefined}
        right={new Set(result?.correctChoices ?? [])}
      />
      {problem && (
        <p id={`${ids}-problem`} className="status status-error" role="alert">
          {problem}
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="review-feedback">
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
            <p>
              {result.ratingReason} Next review: {dayOf(result.nextDue)}.
            </p>
          </div>
        )}
      </div>
      <div className="quiz-actions">
        {result ? (
          <button ref={next} type="button" onClick={onDone}>
            Done
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
