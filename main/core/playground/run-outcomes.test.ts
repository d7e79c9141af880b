import { describe, expect, it } from 'vitest';
import type { Said } from '../../../common/i18n/message.js';
import { coreTranslate, createCoreI18n } from '../../../common/i18n/translator.js';
import { outcomeSentence } from './run-outcomes.js';

const run = { timedOut: false, oomKilled: false, truncated: false, durationMs: 10 };
const limits = { timeoutMs: 5000, outputBytes: 1_048_576 };
const report = (signal: number | null) =>
  ({ exit: { code: 1, signal }, timedOut: false, oomKilled: false, truncated: false }) as never;

describe('how a run that did not end on its own is said', () => {
  it('names its catalog message and values, with the English beside them', () => {
    expect(outcomeSentence({ ...run, timedOut: true }, null, limits)).toEqual({
      key: 'run-timed-out',
      params: { seconds: 5 },
      text: expect.stringMatching(/^It did not finish within 5 s, so it was stopped/) as string,
    });
    expect(outcomeSentence(run, report(null), limits)).toBeUndefined();
  });

  it('reads in German, a crash with the signal in German words inside it, and numbers in German form', () => {
    const german = coreTranslate(createCoreI18n('de'));
    const say = (said: Said | undefined) => german(said!, said!.text);
    expect(say(outcomeSentence(run, report(11), limits))).toMatch(
      /^Python selbst ist abgestürzt \(ein Speicherzugriffsfehler: Speicher, den es nicht anfassen darf\)\./,
    );
    expect(
      say(outcomeSentence({ ...run, truncated: true }, null, { ...limits, outputBytes: 2_000_000 * 1024 })),
    ).toContain('(2.000.000 KB)');
  });
});
