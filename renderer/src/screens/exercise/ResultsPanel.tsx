import { NextStep } from '../../components/NextStep.js';
import { useEffect, useRef } from 'react';
import type { ExecuteResult, TestResult, ValidateResult } from '../../../../common/contract/playground.js';
import { readableTestName, testSource } from './test-names.js';
import type { WorkspaceView } from './workspace-state.js';

const ICON: Record<TestResult['status'], string> = { pass: '✓', fail: '✗', error: '!' };
const WORD: Record<TestResult['status'], string> = { pass: 'passed', fail: 'failed', error: 'error' };

/** Why a run stopped early, in words; null when it ran to its end. Read from the result's flags only. */
export function limitHit(run: ExecuteResult): string | null {
  if (run.timedOut)
    return `Stopped after ${(run.durationMs / 1000).toFixed(1)} s: the time limit. Is there a loop that never ends?`;
  if (run.oomKilled) return 'Stopped: the program used more memory than the sandbox allows.';
  if (run.truncated) return 'The output was cut: the program printed more than the sandbox keeps.';
  return null;
}

/** One line that says how the tests went: a limit is said once, and "Well done!" only when all pass. */
function verdict(result: ValidateResult, submitted: boolean): string {
  const total = result.tests.length;
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  const prefix = submitted ? 'Submitted: ' : '';
  if (result.status === 'pass' && total > 0)
    return `${prefix}all ${total} tests pass.${submitted ? ' Well done!' : ''}`;
  const limit = result.run.timedOut || result.run.oomKilled ? limitHit(result.run) : null;
  if (limit) return `${prefix}${limit}`;
  if (result.status === 'error' || total === 0) return `${prefix}the tests could not run on this code.`;
  return `${prefix}${passed} of ${total} tests pass.${submitted ? ' Keep going.' : ''}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function TestList({ result, testsPy }: { result: ValidateResult; testsPy: string | null }) {
  if (result.tests.length === 0) return null;
  return (
    <ul className="test-list" aria-label="Test results">
      {result.tests.map((t) => {
        const source = testsPy === null ? null : testSource(testsPy, t.name);
        return (
          <li key={t.name} className={`test test-${t.status}`}>
            <span aria-hidden="true">{ICON[t.status]}</span> <span className="visually-hidden">{WORD[t.status]}:</span>{' '}
            <span className="test-name">{readableTestName(t.name)}</span>
            {t.message && <pre className="test-message">{t.message}</pre>}
            {t.output && <pre className="test-output">{t.output}</pre>}
            {source !== null && (
              <details className="test-source">
                <summary>Show the test’s code</summary>
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
  return (
    <>
      <pre data-testid="run-stdout">{output.stdout || '(nothing printed)'}</pre>
      {output.stderr && <pre className="stderr">{output.stderr}</pre>}
      <p className="status">
        Exit code {output.exitCode ?? '–'} · {output.durationMs} ms
      </p>
    </>
  );
}

const HEADING: Record<WorkspaceView['kind'], string> = {
  idle: 'Tests',
  checking: 'Tests',
  checked: 'Tests',
  running: 'Output',
  ran: 'Output',
  stopped: 'Output',
  submitting: 'Submission',
  submitted: 'Submission',
  outdated: 'Results',
  failed: 'Results',
};

/** The one line said about the view, announced when it changes. */
function summary(view: WorkspaceView): string {
  switch (view.kind) {
    case 'idle':
      return 'Start typing: the tests run on your code as you go.';
    case 'checking':
      return 'Checking as you type…';
    case 'checked':
      return capitalised(verdict(view.result, false));
    case 'running':
      return 'Running your code… Stop ends it.';
    case 'ran':
      return limitHit(view.output) ?? `Finished with exit code ${view.output.exitCode ?? '–'}.`;
    case 'submitting':
      return 'Checking your submission against every test…';
    case 'submitted':
      return capitalised(verdict(view.result, true));
    case 'stopped':
      return 'Stopped: the run was ended before it finished.';
    case 'outdated':
      return view.what === 'run'
        ? 'Your code changed while it ran: press Run again to see what this code prints.'
        : 'Your submission was recorded, but your code changed while it was checked: submit again to check this code.';
    case 'failed':
      return view.message;
  }
}

const tone = (view: WorkspaceView): string => {
  if (view.kind === 'failed') return 'status-error';
  if (view.kind === 'ran') return limitHit(view.output) ? 'status-error' : 'status';
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
      <h2 id="results-heading">{HEADING[view.kind]}</h2>
      <p role="status" aria-live="polite" className={`results-summary ${tone(view)}`}>
        {summary(view)}
      </p>
      {exerciseId && view.kind === 'submitted' && view.result.status === 'pass' && view.result.tests.length > 0 && (
        <NextStep after={exerciseId} focus />
      )}
      <Details view={view} testsPy={testsPy} />
    </section>
  );
}
