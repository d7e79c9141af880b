import { useState } from 'react';
import type { AssessmentKind } from '../../../common/contract/assessments.js';
import { LearnError } from '../../../common/contract/errors.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor, navigate } from '../router.js';
import { useLoad } from '../use-load.js';

const TIME_LIMITS = [0, 10, 20, 30, 60];
const LENGTHS = [10, 20, 30];

/** Where a test of a pack or a module starts: its settings, and the unfinished and past tests of the topic. */
export function AssessmentStartScreen({ topicId }: { topicId: string }) {
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
      setProblem(error instanceof LearnError ? error.message : `Could not start the test: ${(error as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <LoadStatus state={state} what="this test">
      {({ title, forms, assessments }) => {
        const unfinished = assessments.filter((a) => a.status === 'in-progress');
        const past = assessments.filter((a) => a.status === 'ended');
        return (
          <section aria-labelledby="assess-heading" className="assessment">
            <nav aria-label="Breadcrumb" className="breadcrumb">
              <a href={hrefFor.modules()}>Modules</a>
              {topicId.includes('/') && (
                <>
                  {' '}
                  <span aria-hidden="true">›</span> <a href={hrefFor.module(topicId)}>{title}</a>
                </>
              )}
            </nav>
            <h1 id="assess-heading">Test yourself: {title}</h1>
            {unfinished.length > 0 && (
              <div className="panel" data-testid="unfinished-tests">
                <h2>Unfinished</h2>
                <ul>
                  {unfinished.map((a) => (
                    <li key={a.assessmentId}>
                      <a href={hrefFor.assessment(a.assessmentId)}>
                        Resume {a.kind === 'adaptive' ? 'the adaptive test' : 'the test'} started{' '}
                        {new Date(a.startedAt).toLocaleString()}
                      </a>{' '}
                      <span className="status">
                        ({a.answered} {a.answered === 1 ? 'question' : 'questions'} answered)
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {forms.length > 0 && (
              <div className="panel" data-testid="pack-forms">
                <h2>Tests from the pack</h2>
                <ul>
                  {forms.map((form) => (
                    <li key={form.formId}>
                      <button type="button" disabled={busy} onClick={() => void start(form.formId)}>
                        Start {form.title}
                      </button>{' '}
                      <span className="status">
                        ({form.items} {form.items === 1 ? 'question' : 'questions'}
                        {form.timeLimitMinutes === null ? '' : `, ${form.timeLimitMinutes} minutes`})
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
                <legend>Kind of test</legend>
                <label>
                  <input
                    type="radio"
                    name="assessment-kind"
                    checked={kind === 'adaptive'}
                    onChange={() => setKind('adaptive')}
                  />{' '}
                  Adaptive: each question is picked for how you are doing, so it measures you in fewer questions
                </label>
                <label>
                  <input
                    type="radio"
                    name="assessment-kind"
                    checked={kind === 'fixed'}
                    onChange={() => setKind('fixed')}
                  />{' '}
                  Fixed: the same questions for everyone, spread over the topic
                </label>
              </fieldset>
              <p className="assessment-settings">
                <label>
                  At most{' '}
                  <select value={maxItems} onChange={(e) => setMaxItems(Number(e.target.value))}>
                    {LENGTHS.map((n) => (
                      <option key={n} value={n}>
                        {n} questions
                      </option>
                    ))}
                  </select>
                </label>{' '}
                <label>
                  Time limit{' '}
                  <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
                    {TIME_LIMITS.map((m) => (
                      <option key={m} value={m}>
                        {m === 0 ? 'none' : `${m} minutes`}
                      </option>
                    ))}
                  </select>
                </label>
              </p>
              <p className="status">
                You see how you did, with every answer and its explanation, when the test ends. You may leave and come
                back to it; a time limit keeps running while you are away.
              </p>
              {problem && (
                <p className="status status-error" role="alert">
                  {problem}
                </p>
              )}
              <button type="submit" disabled={busy}>
                Start the test
              </button>
            </form>
            {past.length > 0 && (
              <div className="panel">
                <h2>Your past tests</h2>
                <ul data-testid="past-tests">
                  {past.map((a) => (
                    <li key={a.assessmentId}>
                      <a href={hrefFor.assessment(a.assessmentId)}>
                        {new Date(a.endedAt ?? a.startedAt).toLocaleString()}: {a.correct} of {a.answered} right
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
