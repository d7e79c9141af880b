import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '../../../../common/contract/content.js';
import type { PlaygroundStatus } from '../../../../common/contract/playground.js';
import { useAdmin } from '../../admin-store.js';
import { CodeEditor } from '../../components/CodeEditor.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useContentLanguage } from '../../components/content-language.js';
import { SandboxHelp } from '../../components/SandboxHelp.js';
import { learn, onLearnEvent } from '../../learn.js';
import { useLearner, useSession } from '../../learner-store.js';
import { ResultsPanel } from './ResultsPanel.js';
import { useDraft } from './use-draft.js';
import type { DraftSave } from './use-draft.js';
import { initialWorkspace, workspaceReducer } from './workspace-state.js';

function SandboxState({ status, loading }: { status: PlaygroundStatus | undefined; loading: number | undefined }) {
  const { t } = useTranslation();
  const admin = useAdmin((s) => s.unlocked !== null);
  if (loading !== undefined && loading < 100) {
    return (
      <div className="status sandbox-state" role="status">
        <label htmlFor="image-progress">{t('exercise.sandboxPreparing', { percent: loading })}</label>
        <progress id="image-progress" max={100} value={loading} />
      </div>
    );
  }
  if (!status || status.canRun) return null;
  return (
    <div className="status status-error sandbox-state" role="alert">
      <SandboxHelp status={status} admin={admin} />
    </div>
  );
}

/** A fresh id for a run the learner may stop. */
const newRunId = () => `run-${crypto.randomUUID()}`;

/** The two ways to replace the learner's code, each asked first (their words are under exercise.reset/restore). */
type Confirming = 'reset' | 'restore' | null;

function Editing({
  exercise,
  initial,
  save,
  onChanged,
}: {
  exercise: Exercise;
  initial: string;
  save: DraftSave;
  onChanged: ReturnType<typeof useDraft>['changed'];
}) {
  const { t } = useTranslation();
  const contentLanguage = useContentLanguage();
  const session = useSession();
  const settings = useLearner((s) => s.current!.learner.preferences.editor);
  const [status, setStatus] = useState<PlaygroundStatus>();
  const [loading, setLoading] = useState<number>();
  const [state, dispatch] = useReducer(workspaceReducer, initialWorkspace);
  const [editorText, setEditorText] = useState({ text: initial, version: 0 });
  const [hints, setHints] = useState(0);
  const [testsPy, setTestsPy] = useState<string | null>(null);
  const [lastSubmission, setLastSubmission] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const code = useRef(initial);
  const liveId = useRef<string | undefined>(undefined);
  const runId = useRef<string | undefined>(undefined);
  const actions = useRef(0);

  useEffect(() => {
    const api = learn();
    let ended = false;
    api
      .getPlaygroundStatus()
      .then(setStatus, (e: unknown) => dispatch({ type: 'action-failed', action: 0, message: (e as Error).message }));
    api.getExerciseTests({ exerciseId: exercise.id }).then(
      ({ source }) => !ended && setTestsPy(source),
      () => undefined,
    );
    api.getLastSubmission({ session, exerciseId: exercise.id }).then(
      (submission) => !ended && setLastSubmission(submission?.code ?? null),
      () => undefined,
    );
    api
      .trackProgress({ session, event: { type: 'ExerciseStarted', data: { exerciseId: exercise.id } } })
      .catch(() => undefined);
    api.startLiveSession({ session, exerciseId: exercise.id }).then(
      ({ liveId: id }) => {
        if (ended) return void api.endLiveSession({ session, liveId: id }).catch(() => undefined);
        liveId.current = id;
        // A saved draft is checked at once, as if just typed.
        if (code.current !== exercise.starter)
          void api.updateLiveCode({ session, liveId: id, code: code.current }).catch(() => undefined);
      },
      () => undefined,
    );
    // The live check's outcome (a timeout, a crash) in the learner's language.
    const unsubscribe = onLearnEvent((event) => {
      if (event.type === 'sandbox-image-progress') setLoading(event.percent);
      if (event.type !== 'live-feedback' || event.liveId !== liveId.current) return;
      if (event.state === 'running') dispatch({ type: 'live-checking' });
      else if (event.result) dispatch({ type: 'live-result', result: event.result });
    });
    return () => {
      ended = true;
      unsubscribe();
      if (runId.current) void api.cancelRun({ session, runId: runId.current }).catch(() => undefined);
      if (liveId.current) void api.endLiveSession({ session, liveId: liveId.current }).catch(() => undefined);
    };
  }, [exercise.id, exercise.starter, session]);

  const typed = useCallback(
    (text: string) => {
      code.current = text;
      onChanged(text);
      dispatch({ type: 'edited' });
      if (liveId.current)
        void learn()
          .updateLiveCode({ session, liveId: liveId.current, code: text })
          .catch(() => undefined);
    },
    [session, onChanged],
  );

  /** Replaces the code in the editor (reset, restore): saved at once and checked like an edit. */
  const replace = (text: string) => {
    code.current = text;
    setEditorText((e) => ({ text, version: e.version + 1 }));
    onChanged(text, true);
    dispatch({ type: 'replaced' });
    if (liveId.current)
      void learn()
        .updateLiveCode({ session, liveId: liveId.current, code: text })
        .catch(() => undefined);
  };

  const run = async () => {
    const action = ++actions.current;
    const id = newRunId();
    runId.current = id;
    dispatch({ type: 'run-started', action });
    try {
      const output = await learn().executeCode({ session, code: code.current, runId: id });
      dispatch({ type: 'ran', action, output });
    } catch (e) {
      dispatch({ type: 'action-failed', action, message: (e as Error).message });
    } finally {
      if (runId.current === id) runId.current = undefined;
    }
  };

  const stop = () => {
    dispatch({ type: 'stopped' });
    if (runId.current)
      void learn()
        .cancelRun({ session, runId: runId.current })
        .catch(() => undefined);
  };

  const submit = async () => {
    const action = ++actions.current;
    const submitted = code.current;
    dispatch({ type: 'submit-started', action });
    try {
      const result = await learn().validateCode({
        session,
        exerciseId: exercise.id,
        code: submitted,
        hintsUsed: hints,
      });
      setLastSubmission(submitted);
      dispatch({ type: 'submitted', action, result });
    } catch (e) {
      dispatch({ type: 'action-failed', action, message: (e as Error).message });
    }
  };

  const { view } = state;
  const asked = confirming ?? 'reset';
  const busy = view.kind === 'running' || view.kind === 'submitting';
  const canRun = status?.canRun === true;
  return (
    <div className="workspace">
      <SandboxState status={status} loading={loading} />
      <div className="workspace-toolbar" role="toolbar" aria-label={t('exercise.actions')}>
        {view.kind === 'running' ? (
          <button type="button" onClick={stop}>
            {t('exercise.stop')}
          </button>
        ) : (
          <button type="button" onClick={() => void run()} disabled={!canRun || busy}>
            {t('exercise.run')}
          </button>
        )}
        <button type="button" className="primary" onClick={() => void submit()} disabled={!canRun || busy}>
          {view.kind === 'submitting' ? t('exercise.checking') : t('exercise.submit')}
        </button>
        <button type="button" onClick={() => setHints((n) => n + 1)} disabled={hints >= exercise.hints.length}>
          {exercise.hints.length === 0
            ? t('exercise.noHints')
            : t('exercise.hint', { shown: hints, total: exercise.hints.length })}
        </button>
        <button type="button" onClick={() => setConfirming('reset')}>
          {t('exercise.reset.label')}
        </button>
        {lastSubmission !== null && (
          <button type="button" onClick={() => setConfirming('restore')}>
            {t('exercise.restore.label')}
          </button>
        )}
      </div>
      {hints > 0 && (
        <ol className="hints" aria-label={t('exercise.hints')}>
          {exercise.hints.slice(0, hints).map((hint) => (
            <li key={hint} lang={contentLanguage}>
              {hint}
            </li>
          ))}
        </ol>
      )}
      <CodeEditor
        initial={editorText.text}
        resetKey={`${exercise.id}-${editorText.version}`}
        label={t('exercise.codeFor', { title: exercise.title })}
        settings={settings}
        onChange={typed}
      />
      <p
        className={save.state === 'failed' ? 'status-error draft-state' : 'status draft-state'}
        data-testid="draft-state"
      >
        {save.state === 'failed'
          ? t('exercise.draft.failed', { message: save.message })
          : t(`exercise.draft.${save.state}`)}
      </p>
      <ResultsPanel view={view} testsPy={testsPy} exerciseId={exercise.id} />
      <ConfirmDialog
        open={confirming !== null}
        title={t(`exercise.${asked}.title`)}
        confirmLabel={t(`exercise.${asked}.label`)}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          setConfirming(null);
          if (confirming === 'reset') replace(exercise.starter);
          else if (confirming === 'restore' && lastSubmission !== null) replace(lastSubmission);
        }}
      >
        <p>{t(`exercise.${asked}.body`)}</p>
        {confirming === 'reset' && lastSubmission !== null && <p>{t('exercise.reset.submissionStays')}</p>}
      </ConfirmDialog>
    </div>
  );
}

/** The exercise's workspace once the learner's draft is loaded. */
export function Workspace({ exercise }: { exercise: Exercise }) {
  const { t } = useTranslation();
  const session = useSession();
  const { initial, save, changed } = useDraft(session, exercise.id, exercise.starter);
  if (initial === null) return <p className="status">{t('exercise.opening')}</p>;
  return <Editing key={exercise.id} exercise={exercise} initial={initial} save={save} onChanged={changed} />;
}
