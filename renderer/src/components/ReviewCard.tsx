import { useState } from 'react';
import { LearnError } from '../../../common/contract/errors.js';
import { reviewRatingNames } from '../../../common/contract/reviews.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { useLoad } from '../use-load.js';
import { QuestionForm } from './QuestionForm.js';
import { formatDate } from '../i18n/format.js';

const message = (error: unknown) =>
  error instanceof LearnError ? error.message : `Could not save the review: ${(error as Error).message}`;
const dayOf = (iso: string) => formatDate(iso);

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
  if (state.status === 'loading') return <p className="status">Loading the question…</p>;
  if (state.status === 'error') return <p className="status-error">Could not load a question: {state.message}</p>;
  const { question } = state.value;
  if (!question) return <SelfRating skillId={skillId} title={title} onDone={onDone} />;
  return (
    <QuestionForm
      question={question}
      grade={(answer, timeSpentMs) =>
        learn().answerReview({ session, skillId, itemId: question.id, answer, timeSpentMs })
      }
      after={(result) => (
        <p>
          {result.ratingReason} Next review: {dayOf(result.nextDue)}.
        </p>
      )}
      nextLabel="Done"
      onNext={onDone}
      className="quiz-card review-card"
      testIds={{ form: 'review-question', feedback: 'review-feedback' }}
    />
  );
}
