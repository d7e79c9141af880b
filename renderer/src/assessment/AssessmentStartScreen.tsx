import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentKind } from '../../../common/contract/assessments.js';
import { LearnError } from '../../../common/contract/errors.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { formatDateTime } from '../i18n/format.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor, navigate } from '../router.js';
import { useLoad } from '../use-load.js';

const TIME_LIMITS = [0, 10, 20, 30, 60];
const LENGTHS = [10, 20, 30];

/** Where a test of a pack or a module starts: its settings, and the unfinished and past tests of the topic. */
export function AssessmentStartScreen({ topicId }: { topicId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [kind, setKind] = useState<AssessmentKind>('adaptive');
  const [maxItems, setMaxItems] = useState(20);
  const [minutes, setMinutes] = useState(0);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const state = useLoad(`${session}-${topicId}`, async () => {
    const [modules, assessments, forms] = await Promise.all([
      learn().listModules(),
      learn().listAssessments({ session }),
      learn().listAssessmentForms({ session, topicId }),
    ]);
    const title =
      modules.find((m) => m.id === topicId)?.title ?? modules.find((m) => m.packId === topicId)?.packTitle ?? topicId;
    return { title, forms, assessments: assessments.filter((a) => a.topicId === topicId) };
  });

  const start = async (formId?: string) => {
    setBusy(true);
    try {
      const started = await learn().generateAssessment({
        session,
        topicId,
        ...(formId ? { formId } : { kind, maxItems, ...(minutes > 0 ? { timeLimitMinutes: minutes } : {}) }),
      });
      navigate(hrefFor.assessment(started.assessmentId));
    } catch (error) {
      setProblem(
        error instanceof LearnError
          ? error.message
          : t('assessment.couldNotStart', { message: (error as Error).message }),
      );
      setBusy(false);
    }
  };

  return (
    <LoadStatus state={state} what={t('assessment.what')}>
      {({ title, forms, assessments }) => {
        const unfinished = assessments.filter((a) => a.status === 'in-progress');
        const past = assessments.filter((a) => a.status === 'ended');
        return (
          <section aria-labelledby="assess-heading" className="assessment">
            <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
              <a href={hrefFor.modules()}>{t('breadcrumb.modules')}</a>
              {topicId.includes('/') && (
                <>
                  {' '}
                  <span aria-hidden="true">›</span> <a href={hrefFor.module(topicId)}>{title}</a>
                </>
              )}
            </nav>
            <h1 id="assess-heading">{t('assessment.heading', { title })}</h1>
            {unfinished.length > 0 && (
              <div className="panel" data-testid="unfinished-tests">
                <h2>{t('assessment.unfinished')}</h2>
                <ul>
                  {unfinished.map((a) => (
                    <li key={a.assessmentId}>
                      <a href={hrefFor.assessment(a.assessmentId)}>
                        {t(a.kind === 'adaptive' ? 'assessment.resumeAdaptive' : 'assessment.resumeFixed', {
                          date: formatDateTime(a.startedAt),
                        })}
                      </a>{' '}
                      <span className="status">{t('assessment.answered', { count: a.answered })}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {forms.length > 0 && (
              <div className="panel" data-testid="pack-forms">
                <h2>{t('assessment.fromPack')}</h2>
                <ul>
                  {forms.map((form) => (
                    <li key={form.formId}>
                      <button type="button" disabled={busy} onClick={() => void start(form.formId)}>
                        {t('assessment.startForm', { title: form.title })}
                      </button>{' '}
                      <span className="status">
                        {form.timeLimitMinutes === null
                          ? t('assessment.formItems', { count: form.items })
                          : t('assessment.formItemsTimed', { count: form.items, minutes: form.timeLimitMinutes })}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <form
              className="panel assessment-start"
              onSubmit={(e) => {
                e.preventDefault();
                void start();
              }}
            >
              <fieldset>
                <legend>{t('assessment.kindLegend')}</legend>
                <label>
                  <input
                    type="radio"
                    name="assessment-kind"
                    checked={kind === 'adaptive'}
                    onChange={() => setKind('adaptive')}
                  />{' '}
                  {t('assessment.adaptive')}
                </label>
                <label>
                  <input
                    type="radio"
                    name="assessment-kind"
                    checked={kind === 'fixed'}
                    onChange={() => setKind('fixed')}
                  />{' '}
                  {t('assessment.fixed')}
                </label>
              </fieldset>
              <p className="assessment-settings">
                <label>
                  {t('assessment.atMost')}{' '}
                  <select value={maxItems} onChange={(e) => setMaxItems(Number(e.target.value))}>
                    {LENGTHS.map((n) => (
                      <option key={n} value={n}>
                        {t('assessment.questions', { count: n })}
                      </option>
                    ))}
                  </select>
                </label>{' '}
                <label>
                  {t('assessment.timeLimit')}{' '}
                  <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
                    {TIME_LIMITS.map((m) => (
                      <option key={m} value={m}>
                        {m === 0 ? t('assessment.noLimit') : t('assessment.minutes', { count: m })}
                      </option>
                    ))}
                  </select>
                </label>
              </p>
              <p className="status">{t('assessment.howItWorks')}</p>
              {problem && (
                <p className="status status-error" role="alert">
                  {problem}
                </p>
              )}
              <button type="submit" disabled={busy}>
                {t('assessment.start')}
              </button>
            </form>
            {past.length > 0 && (
              <div className="panel">
                <h2>{t('assessment.past')}</h2>
                <ul data-testid="past-tests">
                  {past.map((a) => (
                    <li key={a.assessmentId}>
                      <a href={hrefFor.assessment(a.assessmentId)}>
                        {t('assessment.pastLine', {
                          date: formatDateTime(a.endedAt ?? a.startedAt),
                          right: a.correct ?? 0,
                          count: a.answered,
                        })}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        );
      }}
    </LoadStatus>
  );
}
