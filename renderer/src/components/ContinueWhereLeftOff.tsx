import type { StepProgress } from '../../../common/contract/step-progress.js';
import { hrefOfItem } from '../href-of-item.js';

const WHY: Record<NonNullable<StepProgress['resume']>['why'], string> = {
  unfinished: 'You were on this and have not finished it yet.',
  next: 'You finished what you were on last; this comes next in the course.',
};

/** The home screen's lead: back to the last step the learner was on, or the one after it once finished. */
export function ContinueWhereLeftOff({ resume }: { resume: StepProgress['resume'] }) {
  if (!resume) return null;
  return (
    <section className="panel continue" aria-labelledby="continue-heading" data-testid="continue">
      <h2 id="continue-heading">Continue where you left off</h2>
      <p>
        <a className="next-step-link" href={hrefOfItem(resume)} aria-describedby="continue-why">
          {resume.title} <span className="next-kind">({resume.kind})</span> <span aria-hidden="true">→</span>
        </a>
      </p>
      <p className="status" id="continue-why">
        {WHY[resume.why]}
      </p>
    </section>
  );
}
