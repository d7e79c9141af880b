import { useTranslation } from 'react-i18next';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';

/** The recommended next step and why: the first thing a returning learner sees. */
export function UpNext() {
  const { t } = useTranslation();
  const session = useSession();
  const state = useLoad(`up-next-${session}`, () => learn().recommendNextExercise({ session }));
  if (state.status !== 'ready') return null;
  const next = state.value;
  if (!next) {
    return (
      <p className="up-next" role="status">
        {t('upNext.allDone')}
      </p>
    );
  }
  return (
    <section className="up-next panel" aria-labelledby="up-next-heading">
      <h2 id="up-next-heading">{t('upNext.heading')}</h2>
      <p>
        <a href={next.kind === 'exercise' ? hrefFor.exercise(next.contentId) : hrefFor.lesson(next.contentId)}>
          {next.title}
        </a>
      </p>
      <p className="status" data-testid="up-next-reason">
        {next.reason}
      </p>
    </section>
  );
}
