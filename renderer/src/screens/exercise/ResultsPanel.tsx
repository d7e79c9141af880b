import { NextStep } from '../../components/NextStep.js';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import type { ExecuteResult, TestResult, ValidateResult } from '../../../../common/contract/playground.js';
import type { Translations } from '../../i18n/locales/en.js';
import { readableTestName, testSource } from './test-names.js';
import type { WorkspaceView } from './workspace-state.js';

const ICON: Record<TestResult['status'], string> = { pass: '✓', fail: '✗', error: '!' };

/** Why a run stopped early, in words; null when it ran to its end. Read from the result's flags only. */
export function limitHit(run: ExecuteResult, t: TFunction): string | null {
  if (run.timedOut) {
    const seconds = formatNumber(run.durationMs / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return t('results.limit.timedOut', { seconds });
  }
  if (run.oomKilled) return t('results.limit.oomKilled');
  if (run.truncated) return t('results.limit.truncated');
  return null;
}

/** One line that says how the tests went: a limit is said once, and "Well done!" only when all pass. */
function verdict(result: ValidateResult, submitted: boolean, t: TFunction): string {
  const count = result.tests.length;
  const passed = result.tests.filter((test) => test.status === 'pass').length;
  const said = submitted ? 'submitted' : 'live';
  if (result.status === 'pass' && count > 0) return t(`results.${said}.allPass`, { count });
  const limit = result.run.timedOut || result.run.oomKilled ? limitHit(result.run, t) : null;
  if (limit) return submitted ? t('results.submitted.limit', { reason: limit }) : limit;
  if (result.status === 'error' || count === 0) return t(`results.${said}.couldNotRun`);
  return t(`results.${said}.somePass`, { count, passed });
}

function TestList({ result, testsPy }: { result: ValidateResult; testsPy: string | null }) {
  const { t } = useTranslation();
  if (result.tests.length === 0) return null;
  return (
    <ul className="test-list" aria-label={t('results.testResults')}>
      {result.tests.map((test) => {
        const source = testsPy === null ? null : testSource(testsPy, test.name);
        return (
          <li key={test.name} className={`test test-${test.status}`}>
            <span aria-hidden="true">{ICON[test.status]}</span>{' '}
            <span className="visually-hidden">{t(`results.status.${test.status}`)}:</span>{' '}
            <span className="test-name">{readableTestName(test.name)}</span>
            {test.message && <pre className="test-message">{test.message}</pre>}
            {test.output && <pre className="test-output">{test.output}</pre>}
            {source !== null && (
              <details className="test-source">
                <summary>{t('results.showTestCode')}</summary>
                <pre>
                  <code>{source}</code>
                </pre>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Output({ output }: { output: ExecuteResult }) {
  const { t } = useTranslation();
  return (
    <>
      <pre data-testid="run-stdout">{output.stdout || t('results.nothingPrinted')}</pre>
      {output.stderr && <pre className="stderr">{output.stderr}</pre>}
      <p className="status">
        {t('results.exitLine', { exitCode: output.exitCode ?? '–', duration: formatNumber(output.durationMs) })}
      </p>
    </>
  );
}

const HEADING: Record<WorkspaceView['kind'], keyof Translations['results']['heading']> = {
  idle: 'tests',
  checking: 'tests',
  checked: 'tests',
  running: 'output',
  ran: 'output',
  stopped: 'output',
  submitting: 'submission',
  submitted: 'submission',
  outdated: 'results',
  failed: 'results',
};

/** The one line said about the view, announced when it changes. */
function summary(view: WorkspaceView, t: TFunction): string {
  switch (view.kind) {
    case 'idle':
      return t('results.idle');
    case 'checking':
      return t('results.checking');
    case 'checked':
      return verdict(view.result, false, t);
    case 'running':
      return t('results.running');
    case 'ran':
      return limitHit(view.output, t) ?? t('results.finished', { exitCode: view.output.exitCode ?? '–' });
    case 'submitting':
      return t('results.submitting');
    case 'submitted':
      return verdict(view.result, true, t);
    case 'stopped':
      return t('results.stopped');
    case 'outdated':
      return view.what === 'run' ? t('results.outdatedRun') : t('results.outdatedSubmit');
    case 'failed':
      return view.message;
  }
}

const tone = (view: WorkspaceView): string => {
  if (view.kind === 'failed') return 'status-error';
  if (view.kind === 'ran')
    return view.output.timedOut || view.output.oomKilled || view.output.truncated ? 'status-error' : 'status';
  if (view.kind !== 'checked' && view.kind !== 'submitted') return 'status';
  if (view.result.status === 'pass' && view.result.tests.length > 0) return 'success';
  const limited = view.result.run.timedOut || view.result.run.oomKilled;
  return view.kind === 'submitted' || limited ? 'status-error' : 'status';
};

function Details({ view, testsPy }: { view: WorkspaceView; testsPy: string | null }) {
  if (view.kind === 'ran') return <Output output={view.output} />;
  if (view.kind === 'checking')
    return view.last ? (
      <div className="stale">
        <TestList result={view.last} testsPy={testsPy} />
      </div>
    ) : null;
  if (view.kind !== 'checked' && view.kind !== 'submitted') return null;
  const { result } = view;
  const passed = result.status === 'pass' && result.tests.length > 0;
  return (
    <>
      {/* Why the tests could not run; a time or memory limit is already the summary. */}
      {result.message && !passed && !result.run.timedOut && !result.run.oomKilled && (
        <pre className="test-message">{result.message}</pre>
      )}
      <TestList result={result} testsPy={testsPy} />
    </>
  );
}

/**
 * The one place under the editor where the workspace answers: live tests, a run's output or a
 * submission's verdict, whichever is newest. An answer to Run or Submit scrolls into view.
 */
export function ResultsPanel({
  view,
  testsPy,
  exerciseId,
}: {
  view: WorkspaceView;
  testsPy: string | null;
  /** Given, a passed submission offers the step after this exercise, focused. */
  exerciseId?: string;
}) {
  const { t } = useTranslation();
  const panel = useRef<HTMLElement>(null);
  const answered = view.kind === 'ran' || view.kind === 'submitted' || view.kind === 'failed';
  useEffect(() => {
    if (answered) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [answered, view]);
  const busy = view.kind === 'checking' || view.kind === 'running' || view.kind === 'submitting';
  return (
    <section
      ref={panel}
      className={`panel results-panel results-${view.kind}`}
      aria-labelledby="results-heading"
      aria-busy={busy}
      data-testid="results"
    >
      <h2 id="results-heading">{t(`results.heading.${HEADING[view.kind]}`)}</h2>
      <p role="status" aria-live="polite" className={`results-summary ${tone(view)}`}>
        {summary(view, t)}
      </p>
      {exerciseId && view.kind === 'submitted' && view.result.status === 'pass' && view.result.tests.length > 0 && (
        <NextStep after={exerciseId} focus />
      )}
      <Details view={view} testsPy={testsPy} />
    </section>
  );
}
