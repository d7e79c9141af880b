import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { useLoad } from '../use-load.js';

// The card carries the Markdown renderer and its highlighter: home loads it only when a review opens.
const ReviewCard = lazy(() => import('./ReviewCard.js').then((m) => ({ default: m.ReviewCard })));

const endOfToday = () => {
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return end.getTime();
};

/**
 * Mastered skills whose spaced review (FSRS) falls today. Each asks a question on the skill; the app
 * grades it and rates the recall from the answer and its time. A skill no question covers is rated
 * by the learner, and the card says so.
 */
export function ReviewsDue() {
  const { t } = useTranslation();
  const session = useSession();
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<string>();
  const state = useLoad(`reviews-${session}-${round}`, () => learn().getReviewSchedule({ session }));
  if (state.status !== 'ready') return null;
  const due = state.value.filter((r) => Date.parse(r.due) <= endOfToday());
  if (due.length === 0) return null;
  const done = () => {
    setOpen(undefined);
    setRound((n) => n + 1);
  };
  return (
    <section className="panel reviews-due" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t('reviews.heading')}</h2>
      <p className="status">{t('reviews.intro')}</p>
      <ul aria-label={t('reviews.list')}>
        {due.map((r) => (
          <li key={r.skillId}>
            <strong>{r.title}</strong>{' '}
            {open === r.skillId ? (
              <Suspense fallback={<span role="status">{t('reviews.loadingQuestion')}</span>}>
                <ReviewCard skillId={r.skillId} title={r.title} onDone={done} />
              </Suspense>
            ) : (
              <button
                type="button"
                onClick={() => setOpen(r.skillId)}
                aria-label={t('reviews.reviewOf', { title: r.title })}
              >
                {t('reviews.review')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
