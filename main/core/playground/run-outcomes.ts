import type { ExecuteResult, SandboxReport } from '../../../common/contract/playground.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';

/**
 * Every way a run can end other than on its own, and the sentence a learner reads about it: the one
 * place these words are chosen, for program runs and test runs alike (their text is in the catalog,
 * common/i18n/messages, in every language the app ships).
 */
export const OUTCOME_SENTENCES = {
  timedOut: (seconds: number) => say('run-timed-out', { seconds }),
  oomKilled: () => say('run-out-of-memory'),
  truncated: (bytes: number) => say('run-truncated', { kilobytes: Math.round(bytes / 1024) }),
  crashed: (signal: number) => say('run-crashed', { signal: signalWords(signal) }),
  endedEarly: (code: number) => say('run-ended-early', { code }),
  tampered: (what: string) => say('run-tampered', { what }),
  noReport: () => say('run-no-report'),
} as const;

/** The signals a learner's process may die of, in words. */
const SIGNALS = {
  4: say('signal-4'),
  6: say('signal-6'),
  7: say('signal-7'),
  8: say('signal-8'),
  9: say('signal-9'),
  11: say('signal-11'),
  24: say('signal-24'),
  25: say('signal-25'),
} as Record<number, Said | undefined>;

const signalWords = (signal: number): Said => SIGNALS[signal] ?? say('signal-other', { signal });

/** The sentence for a run that did not end on its own, or undefined for one that did. */
export function outcomeSentence(
  run: Pick<ExecuteResult, 'timedOut' | 'oomKilled' | 'truncated' | 'durationMs'>,
  report: SandboxReport | null,
  limits: { timeoutMs: number; outputBytes: number },
): Said | undefined {
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
