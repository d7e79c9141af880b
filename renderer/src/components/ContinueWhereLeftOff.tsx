import { useTranslation } from 'react-i18next';
import type { StepProgress } from '../../../common/contract/step-progress.js';
import { hrefOfItem } from '../href-of-item.js';

/** The home screen's lead: back to the last step the learner was on, or the one after it once finished. */
export function ContinueWhereLeftOff({ resume }: { resume: StepProgress['resume'] }) {
  const { t } = useTranslation();
  if (!resume) return null;
  return (
    <section className="panel continue" aria-labelledby="continue-heading" data-testid="continue">
      <h2 id="continue-heading">{t('continue.heading')}</h2>
      <p>
        <a className="next-step-link" href={hrefOfItem(resume)} aria-describedby="continue-why">
          {resume.title} <span className="next-kind">({t(`next.kind.${resume.kind}`)})</span>{' '}
          <span aria-hidden="true">→</span>
        </a>
      </p>
      <p className="status" id="continue-why">
        {t(`continue.${resume.why}`)}
      </p>
    </section>
  );
}
