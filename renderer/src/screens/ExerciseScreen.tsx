import { useCallback, useEffect, useRef, useState } from 'react';
import type { Exercise } from '../../../common/contract/content.js';
import type {
  ExecuteResult,
  PlaygroundStatus,
  TestResult,
  ValidateResult,
} from '../../../common/contract/playground.js';
import { CodeEditor } from '../components/CodeEditor.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { ModuleBreadcrumb } from '../components/ModuleBreadcrumb.js';
import { Markdown } from '../components/Markdown.js';
import { learn } from '../learn.js';
import { useLearner, useSession } from '../learner-store.js';
import { useLoad } from '../use-load.js';

const ICON: Record<TestResult['status'], string> = { pass: '✓', fail: '✗', error: '!' };

/** Why a run stopped early, in words; null when it ran to its end. */
function limitHit(run: ExecuteResult): string | null {
  if (run.timedOut)
    return `Stopped after ${(run.durationMs / 1000).toFixed(1)} s: the time limit. Is there a loop that never ends?`;
  if (run.oomKilled) return 'Stopped: the program used more memory than the sandbox allows.';
  if (run.truncated) return 'The output was cut: the program printed more than the sandbox keeps.';
  return null;
}

function SandboxState({ status, loading }: { status: PlaygroundStatus | undefined; loading: number | undefined }) {
  if (loading !== undefined && loading < 100) {
    return (
      <div className="status sandbox-state" role="status">
        <label htmlFor="image-progress">Getting the code sandbox ready (first run on this machine): {loading}%</label>
        <progress id="image-progress" max={100} value={loading} />
      </div>
    );
  }
  if (!status || status.canRun) return null;
  return (
    <div className="status status-error sandbox-state" role="alert">
      <p>
        <strong>Code cannot run right now.</strong> {status.message}
      </p>
      {status.fix && <p>What to do: {status.fix}</p>}
      <p>You can still read the exercise and the hints.</p>
    </div>
  );
}

function TestsPanel({ result, live }: { result: ValidateResult | undefined; live: 'idle' | 'running' }) {
  const passed = result?.tests.filter((t) => t.status === 'pass').length ?? 0;
  return (
    <section className="panel tests-panel" aria-labelledby="tests-heading" aria-busy={live === 'running'}>
      <h2 id="tests-heading">Tests</h2>
      <p role="status" aria-live="polite" className="status">
        {live === 'running'
          ? 'Checking as you type…'
          : !result
            ? 'Start typing: the tests run on your code as you go.'
            : result.status === 'error'
              ? 'Your code does not load yet.'
              : `${passed} of ${result.tests.length} tests pass.`}
      </p>
      {result?.message && <pre className="test-message">{result.message}</pre>}
      {result && limitHit(result.run) && <p className="status-error">{limitHit(result.run)}</p>}
      <ul className="test-list" aria-label="Test results">
        {result?.tests.map((t) => (
          <li key={t.name} className={`test test-${t.status}`}>
            <span aria-hidden="true">{ICON[t.status]}</span> <span className="visually-hidden">{t.status}:</span>{' '}
            <code>{t.name}</code>
            {t.message && <pre className="test-message">{t.message}</pre>}
            {t.output && <pre className="test-output">{t.output}</pre>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Workspace({ exercise }: { exercise: Exercise }) {
  const session = useSession();
  const settings = useLearner((s) => s.current!.learner.preferences.editor);
  const [status, setStatus] = useState<PlaygroundStatus>();
  const [resetCount, setResetCount] = useState(0);
  const code = useRef(exercise.starter);
  const liveId = useRef<string | undefined>(undefined);
  const [live, setLive] = useState<'idle' | 'running'>('idle');
  const [result, setResult] = useState<ValidateResult>();
  const [output, setOutput] = useState<ExecuteResult>();
  const [submitted, setSubmitted] = useState<ValidateResult>();
  const [hints, setHints] = useState(0);
  const [busy, setBusy] = useState<'run' | 'submit'>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState<number>();

  useEffect(() => {
    const api = learn();
    let ended = false;
    api.getPlaygroundStatus().then(setStatus, (e: unknown) => setError((e as Error).message));
    api
      .trackProgress({ session, event: { type: 'ExerciseStarted', data: { exerciseId: exercise.id } } })
      .catch(() => undefined);
    api.startLiveSession({ session, exerciseId: exercise.id }).then(
      ({ liveId: id }) => {
        if (ended) void api.endLiveSession({ session, liveId: id }).catch(() => undefined);
        else liveId.current = id;
      },
      () => undefined,
    );
    const unsubscribe = window.learn?.onEvent((event) => {
      if (event.type === 'sandbox-image-progress') setLoading(event.percent);
      if (event.type !== 'live-feedback' || event.liveId !== liveId.current) return;
      setLive(event.state === 'running' ? 'running' : 'idle');
      if (event.result) setResult(event.result);
    });
    return () => {
      ended = true;
      unsubscribe?.();
      if (liveId.current) void api.endLiveSession({ session, liveId: liveId.current }).catch(() => undefined);
    };
  }, [exercise.id, session]);

  const onChange = useCallback(
    (text: string) => {
      code.current = text;
      if (liveId.current)
        void learn()
          .updateLiveCode({ session, liveId: liveId.current, code: text })
          .catch(() => undefined);
    },
    [session],
  );

  const act = async (kind: 'run' | 'submit') => {
    setBusy(kind);
    setError(undefined);
    try {
      if (kind === 'run') setOutput(await learn().executeCode({ session, code: code.current }));
      else
        setSubmitted(
          await learn().validateCode({ session, exerciseId: exercise.id, code: code.current, hintsUsed: hints }),
        );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const reset = () => {
    if (!window.confirm('Start again from the starter code? Your changes will be lost.')) return;
    code.current = exercise.starter;
    setResetCount((n) => n + 1);
    setResult(undefined);
  };

  const canRun = status?.canRun === true;
  return (
    <div className="workspace">
      <SandboxState status={status} loading={loading} />
      <div className="workspace-toolbar" role="toolbar" aria-label="Exercise actions">
        <button type="button" onClick={() => void act('run')} disabled={!canRun || busy !== undefined}>
          {busy === 'run' ? 'Running…' : 'Run'}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void act('submit')}
          disabled={!canRun || busy !== undefined}
        >
          {busy === 'submit' ? 'Checking…' : 'Submit'}
        </button>
        <button type="button" onClick={reset}>
          Reset
        </button>
        <button type="button" onClick={() => setHints((n) => n + 1)} disabled={hints >= exercise.hints.length}>
          {exercise.hints.length === 0 ? 'No hints' : `Hint (${hints} of ${exercise.hints.length})`}
        </button>
      </div>
      {hints > 0 && (
        <ol className="hints" aria-label="Hints">
          {exercise.hints.slice(0, hints).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      )}
      <CodeEditor
        initial={exercise.starter}
        resetKey={`${exercise.id}-${resetCount}`}
        label={`Code for ${exercise.title}`}
        settings={settings}
        onChange={onChange}
      />
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
      {submitted && (
        <p
          role="status"
          className={submitted.status === 'pass' ? 'success submit-result' : 'status-error submit-result'}
        >
          {submitted.status === 'pass'
            ? `Submitted: all ${submitted.tests.length} tests pass. Well done!`
            : `Submitted: ${submitted.tests.filter((t) => t.status === 'pass').length} of ${submitted.tests.length} tests pass. Keep going.`}
        </p>
      )}
      <TestsPanel result={submitted && !result ? submitted : result} live={live} />
      {output && (
        <section className="panel output-panel" aria-labelledby="output-heading">
          <h2 id="output-heading">Output</h2>
          {limitHit(output) && <p className="status-error">{limitHit(output)}</p>}
          <pre data-testid="run-stdout">{output.stdout || '(nothing printed)'}</pre>
          {output.stderr && <pre className="stderr">{output.stderr}</pre>}
          <p className="status">
            Exit code {output.exitCode ?? '–'} · {output.durationMs} ms
          </p>
        </section>
      )}
    </div>
  );
}

export function ExerciseScreen({ exerciseId }: { exerciseId: string }) {
  const state = useLoad(exerciseId, () => learn().getExercise({ exerciseId }));
  return (
    <LoadStatus state={state} what="this exercise">
      {(exercise) => (
        <article className="exercise" aria-label={exercise.title}>
          <ModuleBreadcrumb moduleId={exercise.moduleId} moduleTitle={exercise.moduleTitle} />
          <div className="exercise-layout">
            <div className="exercise-prompt">
              <Markdown source={exercise.prompt} />
              <p className="status">Difficulty {exercise.difficulty} of 5</p>
            </div>
            <Workspace exercise={exercise} />
          </div>
        </article>
      )}
    </LoadStatus>
  );
}
