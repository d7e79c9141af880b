import type { ExecuteResult, ValidateResult } from '../../../../common/contract/playground.js';

/**
 * What the exercise workspace shows under the editor: one thing at a time, the newest event winning.
 * An edit clears what described the old code (a run's output, a submission's verdict); a run or a
 * submission replaces the live checks until the learner types again; a result that comes back after the
 * code changed, or after Stop, is not shown as if it were about the code on screen.
 */
export type WorkspaceView =
  /** Nothing checked yet. */
  | { kind: 'idle' }
  /** The live tests are checking the code as typed; `last` is the previous live result, kept greyed. */
  | { kind: 'checking'; last: ValidateResult | null }
  | { kind: 'checked'; result: ValidateResult }
  | { kind: 'running'; action: number }
  | { kind: 'ran'; output: ExecuteResult }
  | { kind: 'submitting'; action: number }
  | { kind: 'submitted'; result: ValidateResult }
  /** The learner pressed Stop. */
  | { kind: 'stopped' }
  /** The code changed while a run or a submission was going: its answer was about other code. */
  | { kind: 'outdated'; what: 'run' | 'submit' }
  | { kind: 'failed'; message: string };

export interface WorkspaceState {
  view: WorkspaceView;
  /** Bumped by every edit. */
  revision: number;
  /** The revision the current run or submission started from. */
  startedAt: number;
}

export type WorkspaceEvent =
  | { type: 'edited' }
  | { type: 'live-checking' }
  | { type: 'live-result'; result: ValidateResult }
  /** `action` is the caller's id for this run or submission (never reused), carried by its answer. */
  | { type: 'run-started'; action: number }
  | { type: 'submit-started'; action: number }
  | { type: 'ran'; action: number; output: ExecuteResult }
  | { type: 'submitted'; action: number; result: ValidateResult }
  | { type: 'action-failed'; action: number; message: string }
  | { type: 'stopped' }
  /** The code was replaced (reset to the starter, restored): nothing shown describes it yet. */
  | { type: 'replaced' };

export const initialWorkspace: WorkspaceState = { view: { kind: 'idle' }, revision: 0, startedAt: 0 };

const busy = (view: WorkspaceView): view is Extract<WorkspaceView, { action: number }> =>
  view.kind === 'running' || view.kind === 'submitting';

/**
 * Live checks never replace a run's or a submission's answer, nor one still coming: only an edit (which starts a
 * new check) does. They do replace a note that something stopped, failed or went out of date.
 */
const liveMayShow = (view: WorkspaceView) => !busy(view) && view.kind !== 'ran' && view.kind !== 'submitted';

export function workspaceReducer(state: WorkspaceState, event: WorkspaceEvent): WorkspaceState {
  const { view } = state;
  switch (event.type) {
    case 'edited': {
      const revision = state.revision + 1;
      if (busy(view)) return { ...state, revision };
      const last = view.kind === 'checked' ? view.result : view.kind === 'checking' ? view.last : null;
      return { ...state, revision, view: { kind: 'checking', last } };
    }
    case 'replaced':
      if (busy(view)) return { ...state, revision: state.revision + 1 };
      return { ...state, revision: state.revision + 1, view: { kind: 'idle' } };
    case 'live-checking':
      if (!liveMayShow(view)) return state;
      return { ...state, view: { kind: 'checking', last: view.kind === 'checked' ? view.result : null } };
    case 'live-result':
      if (!liveMayShow(view)) return state;
      return { ...state, view: { kind: 'checked', result: event.result } };
    case 'run-started':
    case 'submit-started':
      if (busy(view)) return state;
      return {
        ...state,
        startedAt: state.revision,
        view: { kind: event.type === 'run-started' ? 'running' : 'submitting', action: event.action },
      };
    case 'ran':
    case 'submitted':
    case 'action-failed': {
      if (!busy(view) || view.action !== event.action) return state;
      if (event.type === 'action-failed') return { ...state, view: { kind: 'failed', message: event.message } };
      if (state.revision !== state.startedAt)
        return { ...state, view: { kind: 'outdated', what: event.type === 'ran' ? 'run' : 'submit' } };
      return {
        ...state,
        view:
          event.type === 'ran' ? { kind: 'ran', output: event.output } : { kind: 'submitted', result: event.result },
      };
    }
    case 'stopped':
      return busy(view) ? { ...state, view: { kind: 'stopped' } } : state;
  }
}
