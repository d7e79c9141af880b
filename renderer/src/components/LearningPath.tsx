import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PathStep } from '../../../common/contract/adaptive.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';
import { LoadStatus } from './LoadStatus.js';

/** Steps shown around the next one until the learner asks for the whole path. */
const BEFORE_NEXT = 2;
const AFTER_NEXT = 5;

const STATUS_MARKS: Record<PathStep['status'], string> = { done: '✓', next: '➜', open: '○', locked: '…' };

function Step({ step }: { step: PathStep }) {
  const { t } = useTranslation();
  const href = step.kind === 'exercise' ? hrefFor.exercise(step.contentId) : hrefFor.lesson(step.contentId);
  return (
    <li
      className={`path-step path-step-${step.status}`}
      data-status={step.status}
      aria-current={step.status === 'next' ? 'step' : undefined}
    >
      <span className="path-mark" aria-hidden="true">
        {STATUS_MARKS[step.status]}
      </span>
      <span className="visually-hidden">{t(`path.status.${step.status}`)}: </span>
      {step.status === 'locked' ? (
        <span className="path-title">{step.title}</span>
      ) : (
        <a className="path-title" href={href}>
          {step.title}
        </a>
      )}{' '}
      <span className="path-kind">({t(`next.kind.${step.kind}`)})</span>
      <span className="path-reason status">{step.reason}</span>
    </li>
  );
}

/** The ordered steps toward the learner's goal: the next one highlighted, done ones ticked, locked ones say why. */
export function LearningPath() {
  const { t } = useTranslation();
  const session = useSession();
  const [round, setRound] = useState(0);
  const [showAll, setShowAll] = useState(false);
  // An update, not a fresh path: it also says what changed since the learner last looked.
  const state = useLoad(`path-${session}-${round}`, () => learn().updateLearningPath({ session }));
  return (
    <section className="panel learning-path" aria-labelledby="path-heading" data-testid="learning-path">
      <LoadStatus state={state} what={t('path.what')} onRetry={() => setRound((n) => n + 1)}>
        {(path) => {
          const heading = <h2 id="path-heading">{t('path.heading', { goal: path.goal.title })}</h2>;
          if (path.steps.length === 0) {
            return (
              <>
                {heading}
                <p className="empty">
                  <Trans i18nKey="path.empty" components={{ a: <a href={hrefFor.catalog()} /> }} />
                </p>
              </>
            );
          }
          const next = path.steps.findIndex((s) => s.status === 'next');
          const from = next < 0 ? 0 : Math.max(0, next - BEFORE_NEXT);
          const shown = showAll ? path.steps : path.steps.slice(from, next < 0 ? 0 : next + AFTER_NEXT + 1);
          const { hadPrevious, completed, added, removed, reordered } = path.changes;
          const changed = hadPrevious && completed + added + removed + reordered > 0;
          return (
            <>
              {heading}
              <p className="status" role="status">
                {path.summary} {changed ? path.changes.summary : ''}
              </p>
              {shown.length > 0 && (
                <ol
                  className="path-steps"
                  start={showAll ? 1 : from + 1}
                  aria-label={t('path.steps', { goal: path.goal.title })}
                >
                  {shown.map((step) => (
                    <Step key={step.contentId} step={step} />
                  ))}
                </ol>
              )}
              <button type="button" aria-expanded={showAll} onClick={() => setShowAll((all) => !all)}>
                {showAll ? t('path.showFewer') : t('path.showAll', { count: path.steps.length, done: path.done })}
              </button>
            </>
          );
        }}
      </LoadStatus>
    </section>
  );
}
