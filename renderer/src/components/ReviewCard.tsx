import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LearnError } from '../../../common/contract/errors.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { useLoad } from '../use-load.js';
import { QuestionForm } from './QuestionForm.js';
import { formatDate } from '../i18n/format.js';

/** FSRS's four ratings, by the word each language gives them. */
const RATINGS = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' } as const;

const message = (error: unknown, t: TFunction) =>
  error instanceof LearnError ? error.message : t('reviews.couldNotSave', { message: (error as Error).message });

/** The learner's own rating: only for a skill the packs have no question on. */
function SelfRating({ skillId, title, onDone }: { skillId: string; title: string; onDone: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [problem, setProblem] = useState<string>();
  const rate = (rating: number) =>
    learn()
      .rateReview({ session, skillId, rating })
      .then(onDone, (e: unknown) => setProblem(message(e, t)));
  return (
    <div className="review-self">
      <p className="status">{t('reviews.selfRate', { title })}</p>
      <span role="group" aria-label={t('reviews.howWell', { title })}>
        {([1, 2, 3, 4] as const).map((rating) => (
          <button key={rating} type="button" onClick={() => void rate(rating)}>
            {t(`reviews.rating.${RATINGS[rating]}`)}
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
  const { t } = useTranslation();
  const session = useSession();
  const state = useLoad(`review-${session}-${skillId}`, () => learn().getReviewQuestion({ session, skillId }));
  if (state.status === 'loading') return <p className="status">{t('reviews.loadingQuestion')}</p>;
  if (state.status === 'error')
    return <p className="status-error">{t('reviews.couldNotLoad', { message: state.message })}</p>;
  const { question } = state.value;
  if (!question) return <SelfRating skillId={skillId} title={title} onDone={onDone} />;
  return (
    <QuestionForm
      question={question}
      grade={(answer, timeSpentMs) =>
        learn().answerReview({ session, skillId, itemId: question.id, answer, timeSpentMs })
      }
      after={(result) => <p>{t('reviews.after', { reason: result.ratingReason, date: formatDate(result.nextDue) })}</p>}
      nextLabel={t('reviews.done')}
      onNext={onDone}
      className="quiz-card review-card"
      testIds={{ form: 'review-question', feedback: 'review-feedback' }}
    />
  );
}
