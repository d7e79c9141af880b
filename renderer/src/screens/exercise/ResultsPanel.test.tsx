import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExecuteResult, ValidateResult } from '../../../../common/contract/playground.js';
import { i18next } from '../../i18n/i18n.js';
import { ResultsPanel } from './ResultsPanel.js';
import type { WorkspaceView } from './workspace-state.js';

const run = (over: Partial<ExecuteResult> = {}): ExecuteResult => ({
  stdout: '',
  stderr: '',
  exitCode: 0,
  durationMs: 10_050,
  timedOut: false,
  oomKilled: false,
  truncated: false,
  ...over,
});
const timedOut: ValidateResult = {
  status: 'error',
  tests: [],
  run: run({ timedOut: true, exitCode: null }),
  message: 'The tests did not finish within 10 s: is there a loop that never ends?',
};
const text = (view: WorkspaceView) =>
  renderToStaticMarkup(<ResultsPanel view={view} testsPy={null} />).replace(/<[^>]+>/g, ' ');

describe('the results panel', () => {
  it.each([
    ['live', { kind: 'checked', result: timedOut }],
    ['submitted', { kind: 'submitted', result: timedOut }],
  ] as const)('says a time limit once, and nothing about loading or success (%s)', (_, view) => {
    const shown = text(view);
    expect(shown.match(/time limit|did not finish/g)).toHaveLength(1);
    expect(shown).not.toMatch(/Well done|does not load|tests pass/);
  });

  it('says “Well done!” only for a submission where every test passes', () => {
    const pass: ValidateResult = {
      status: 'pass',
      tests: [{ name: 'test_adds_two_numbers', status: 'pass' }],
      run: run(),
    };
    expect(text({ kind: 'submitted', result: pass })).toContain('Submitted: the 1 test passes. Well done!');
    expect(text({ kind: 'checked', result: pass })).not.toContain('Well done');
    expect(text({ kind: 'checked', result: pass })).toContain('adds two numbers');
    expect(text({ kind: 'checked', result: pass })).not.toContain('test_adds_two_numbers');
  });

  it('shows a run’s output and nothing of the tests', () => {
    const shown = text({ kind: 'ran', output: run({ stdout: '42\n', durationMs: 30 }) });
    expect(shown).toContain('42');
    expect(shown).not.toMatch(/tests? pass/);
  });

  // One test is said in the singular, several in the plural, in each language by its own rules.
  it.each([
    ['en', 1, 'Submitted: the 1 test passes. Well done!'],
    ['en', 3, 'Submitted: all 3 tests pass. Well done!'],
    ['de', 1, 'Abgegeben: Der 1 Test besteht. Gut gemacht!'],
    ['de', 3, 'Abgegeben: Alle 3 Tests bestehen. Gut gemacht!'],
  ] as const)('counts the passed tests in %s (%i)', async (language, count, said) => {
    await i18next.changeLanguage(language);
    const tests = Array.from({ length: count }, (_, i) => ({ name: `test_${i}`, status: 'pass' as const }));
    expect(text({ kind: 'submitted', result: { status: 'pass', tests, run: run() } })).toContain(said);
    await i18next.changeLanguage('en');
  });

  it('says a time limit with the seconds as the language writes them', async () => {
    await i18next.changeLanguage('de');
    expect(text({ kind: 'checked', result: timedOut })).toContain('Nach 10,1 s angehalten');
    await i18next.changeLanguage('en');
    expect(text({ kind: 'checked', result: timedOut })).toContain('Stopped after 10.1 s');
  });
});
