import { describe, expect, it } from 'vitest';
import type { ExecuteResult, ValidateResult } from '../../../../common/contract/playground.js';
import { initialWorkspace, workspaceReducer } from './workspace-state.js';
import type { WorkspaceEvent, WorkspaceState } from './workspace-state.js';

const output: ExecuteResult = {
  stdout: 'hi\n',
  stderr: '',
  exitCode: 0,
  durationMs: 40,
  timedOut: false,
  oomKilled: false,
  truncated: false,
};
const verdict = (status: ValidateResult['status']): ValidateResult => ({
  status,
  tests: [{ name: 'test_adds_two_numbers', status: status === 'pass' ? 'pass' : 'fail' }],
  run: output,
});

const play = (...events: WorkspaceEvent[]) => events.reduce(workspaceReducer, initialWorkspace);
/** Starts a run or submission and returns the state and the id its answer must carry. */
let actions = 0;
const start = (state: WorkspaceState, type: 'run-started' | 'submit-started') => {
  const action = ++actions;
  return { state: workspaceReducer(state, { type, action }), action };
};

describe('the exercise workspace state', () => {
  it('clears a submission’s “Well done!” as soon as the code changes', () => {
    const { state, action } = start(initialWorkspace, 'submit-started');
    const done = workspaceReducer(state, { type: 'submitted', action, result: verdict('pass') });
    expect(done.view).toEqual({ kind: 'submitted', result: verdict('pass') });
    expect(workspaceReducer(done, { type: 'edited' }).view).toEqual({ kind: 'checking', last: null });
  });

  it('clears a run’s output as soon as the code changes, or is reset or restored', () => {
    const { state, action } = start(initialWorkspace, 'run-started');
    const ran = workspaceReducer(state, { type: 'ran', action, output });
    expect(ran.view).toEqual({ kind: 'ran', output });
    expect(workspaceReducer(ran, { type: 'edited' }).view.kind).toBe('checking');
    expect(workspaceReducer(ran, { type: 'replaced' }).view).toEqual({ kind: 'idle' });
  });

  it('does not show an answer about code that changed while it ran', () => {
    for (const [type, answer] of [
      ['run-started', { type: 'ran', output }],
      ['submit-started', { type: 'submitted', result: verdict('pass') }],
    ] as const) {
      const { state, action } = start(initialWorkspace, type);
      const edited = workspaceReducer(state, { type: 'edited' });
      expect(edited.view.kind).toBe(type === 'run-started' ? 'running' : 'submitting');
      const late = workspaceReducer(edited, { ...answer, action });
      expect(late.view).toEqual({ kind: 'outdated', what: type === 'run-started' ? 'run' : 'submit' });
    }
  });

  it('keeps a live check from replacing or mixing with a run or a submission, before or after its answer', () => {
    const { state, action } = start(play({ type: 'live-result', result: verdict('fail') }), 'submit-started');
    expect(workspaceReducer(state, { type: 'live-result', result: verdict('fail') }).view.kind).toBe('submitting');
    const done = workspaceReducer(state, { type: 'submitted', action, result: verdict('pass') });
    expect(workspaceReducer(done, { type: 'live-checking' })).toBe(done);
    expect(workspaceReducer(done, { type: 'live-result', result: verdict('fail') })).toBe(done);
    // The next edit brings the live checks back.
    const typed = workspaceReducer(done, { type: 'edited' });
    expect(workspaceReducer(typed, { type: 'live-result', result: verdict('fail') }).view).toEqual({
      kind: 'checked',
      result: verdict('fail'),
    });
  });

  it('stops: the answer of the stopped run is dropped, and a new run starts clean', () => {
    const first = start(initialWorkspace, 'run-started');
    const stopped = workspaceReducer(first.state, { type: 'stopped' });
    expect(stopped.view).toEqual({ kind: 'stopped' });
    expect(workspaceReducer(stopped, { type: 'ran', action: first.action, output })).toBe(stopped);
    const second = start(stopped, 'run-started');
    expect(second.action).not.toBe(first.action);
    // The first run's late answer does not end the second run.
    expect(workspaceReducer(second.state, { type: 'ran', action: first.action, output }).view.kind).toBe('running');
    expect(workspaceReducer(second.state, { type: 'ran', action: second.action, output }).view).toEqual({
      kind: 'ran',
      output,
    });
  });

  it('allows one run or submission at a time, and shows a failure in its place', () => {
    const { state, action } = start(initialWorkspace, 'run-started');
    expect(workspaceReducer(state, { type: 'submit-started', action: action + 1 })).toBe(state);
    expect(workspaceReducer(state, { type: 'action-failed', action, message: 'Docker is not running.' }).view).toEqual({
      kind: 'failed',
      message: 'Docker is not running.',
    });
  });

  it('keeps the last live result while the next check runs, and shows the newest', () => {
    const checked = play({ type: 'edited' }, { type: 'live-result', result: verdict('fail') });
    const checking = workspaceReducer(checked, { type: 'edited' });
    expect(checking.view).toEqual({ kind: 'checking', last: verdict('fail') });
    expect(workspaceReducer(checking, { type: 'live-result', result: verdict('pass') }).view).toEqual({
      kind: 'checked',
      result: verdict('pass'),
    });
  });
});
