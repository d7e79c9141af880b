import type { ExecuteResult, SandboxReport } from '../../../common/contract/playground.js';

/**
 * Every way a run can end other than on its own, and the sentence a learner reads about it: the one
 * place these words live, for program runs and test runs alike.
 */
export const OUTCOME_SENTENCES = {
  timedOut: (seconds: number) =>
    `It did not finish within ${seconds} s, so it was stopped: is there a loop that never ends, or an input() waiting?`,
  oomKilled: () =>
    'It used more memory than the sandbox allows, so it was stopped: is a list or string growing forever?',
  truncated: (bytes: number) =>
    `It printed more than the sandbox keeps (${Math.round(bytes / 1024)} KB), so it was stopped: is a print inside a loop that runs too often?`,
  crashed: (signal: number) => `Python itself crashed (${SIGNALS[signal] ?? `signal ${signal}`}). ${CRASH_ADVICE}`,
  endedEarly: (code: number) =>
    `The code ended Python (exit code ${code}) while the tests were running, so they could not finish: remove ` +
    'the exit() or os._exit() call.',
  tampered: (what: string) =>
    `The code changed the testing machinery (${what}), so the tests cannot judge it. Solve the exercise ` +
    'without touching unittest, the tests or Python’s built-ins.',
  noReport: () => 'The sandbox stopped before it could report; try again, and run `lionlearn doctor` if it repeats.',
} as const;

const CRASH_ADVICE =
  'This happens with ctypes, very deep recursion past Python’s guard, or a module that misuses memory; it is not a normal Python error.';

/** The signals a learner's process may die of, in words. */
const SIGNALS: Record<number, string> = {
  4: 'an illegal instruction',
  6: 'it aborted',
  7: 'a bus error',
  8: 'an arithmetic fault',
  9: 'it was killed, most often for using more memory than the sandbox allows',
  11: 'a segmentation fault: memory it may not touch',
  24: 'it used more CPU time than allowed',
  25: 'it wrote a file larger than allowed',
};

/** The sentence for a run that did not end on its own, or undefined for one that did. */
export function outcomeSentence(
  run: Pick<ExecuteResult, 'timedOut' | 'oomKilled' | 'truncated' | 'durationMs'>,
  report: SandboxReport | null,
  limits: { timeoutMs: number; outputBytes: number },
): string | undefined {
  if (run.timedOut) return OUTCOME_SENTENCES.timedOut(Math.round(limits.timeoutMs / 1000));
  if (run.oomKilled) return OUTCOME_SENTENCES.oomKilled();
  if (run.truncated) return OUTCOME_SENTENCES.truncated(limits.outputBytes);
  if (!report) return OUTCOME_SENTENCES.noReport();
  const { grading, exit } = report;
  if (grading?.problem === 'tampered') return OUTCOME_SENTENCES.tampered(grading.what ?? 'the results');
  if (exit.signal !== null) return OUTCOME_SENTENCES.crashed(exit.signal);
  if (grading?.problem === 'ended-early') return OUTCOME_SENTENCES.endedEarly(exit.code);
  return undefined;
}
