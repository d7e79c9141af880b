import { useState } from 'react';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { useLoad } from '../use-load.js';

const RATINGS = [
  [1, 'Forgot'],
  [2, 'Hard'],
  [3, 'Good'],
  [4, 'Easy'],
] as const;

const endOfToday = () => {
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return end.getTime();
};

/** Mastered skills whose spaced review (FSRS) falls today: recall it, then say how it went. */
export function ReviewsDue() {
  const session = useSession();
  const [round, setRound] = useState(0);
  const state = useLoad(`reviews-${session}-${round}`, () => learn().getReviewSchedule({ session }));
  if (state.status !== 'ready') return null;
  const due = state.value.filter((r) => Date.parse(r.due) <= endOfToday());
  if (due.length === 0) return null;
  const rate = (skillId: string, rating: number) =>
    learn()
      .trackProgress({ session, event: { type: 'ReviewDone', data: { skillId, rating } } })
      .then(() => setRound((n) => n + 1));
  return (
    <section className="panel reviews-due" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews due today</h2>
      <p className="status">Recall what you know about each skill, then say how well it came back.</p>
      <ul aria-label="Reviews due">
        {due.map((r) => (
          <li key={r.skillId}>
            <strong>{r.title}</strong>{' '}
            <span role="group" aria-label={`How well did you recall ${r.title}?`}>
              {RATINGS.map(([rating, label]) => (
                <button key={rating} type="button" onClick={() => void rate(r.skillId, rating)}>
                  {label}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
