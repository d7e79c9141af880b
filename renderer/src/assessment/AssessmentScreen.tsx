import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentResult } from '../../../common/contract/assessments.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor } from '../router.js';
import { AssessmentQuestion } from './AssessmentQuestion.js';
import { AssessmentReport } from './AssessmentReport.js';

type View =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'taking'; state: Assessment; endsAt: number | null }
  | { status: 'ended'; state: Assessment; report: AssessmentResult };

/** An assessment: taken one question at a time (resumed where it stands), then its report. */
export function AssessmentScreen({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [view, setView] = useState<View>({ status: 'loading' });

  const show = useCallback(
    async (state: Assessment) => {
      if (state.status === 'in-progress' && state.question) {
        setView({
          status: 'taking',
          state,
          endsAt: state.timeLeftMs === null ? null : Date.now() + state.timeLeftMs,
        });
        return;
      }
      // Ended (or nothing left to ask): the report; evaluating hands in a test that still runs.
      const report = await learn().evaluateAssessment({ session, assessmentId: state.assessmentId });
      setView({ status: 'ended', state: { ...state, status: 'ended' }, report });
    },
    [session],
  );
  const fail = (error: Error) => setView({ status: 'error', message: error.message });

  // The screen is keyed by the assessment (App), so a new id starts from 'loading'.
  useEffect(() => {
    learn().getAssessment({ session, assessmentId }).then(show).catch(fail);
  }, [session, assessmentId, show]);

  if (view.status === 'loading') {
    return (
      <p className="status" role="status" aria-live="polite">
        {t('assessment.loading')}
      </p>
    );
  }
  if (view.status === 'error') {
    return (
      <div className="status status-error" role="alert">
        <p>{t('assessment.couldNotLoad', { message: view.message })}</p>
        <a href={hrefFor.modules()}>{t('app.backToModules')}</a>
      </div>
    );
  }
  const { state } = view;
  return (
    <section aria-labelledby="assessment-heading" className="assessment">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <a href={hrefFor.modules()}>{t('breadcrumb.modules')}</a> <span aria-hidden="true">›</span>{' '}
        <a href={hrefFor.assess(state.topicId)}>{t('assessment.tests')}</a>
      </nav>
      <h1 id="assessment-heading">{state.title}</h1>
      {view.status === 'taking' ? (
        <AssessmentQuestion
          key={view.state.question!.id}
          state={{ ...view.state, question: view.state.question! }}
          endsAt={view.endsAt}
          onChanged={(next) => void show(next).catch(fail)}
          onHandIn={() => void show({ ...state, status: 'ended', question: null }).catch(fail)}
        />
      ) : (
        <AssessmentReport report={view.report} />
      )}
    </section>
  );
}
