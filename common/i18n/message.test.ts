import { describe, expect, it } from 'vitest';
import { localized } from './localize.js';
import { say } from './message.js';
import { coreTranslate, createCoreI18n } from './translator.js';

const german = coreTranslate(createCoreI18n('de'), 'Europe/Berlin');

describe('a catalog message', () => {
  it('says "and 2 more", never "mores", after the named items, joined as each language joins a list', () => {
    const named = [say('quoted-title', { title: 'A' }), say('the-module', { title: 'B' })];
    const waits = say('path-waits', { items: [...named, say('and-more', { count: 2 })] });
    expect(waits.text).toBe('Waits for “A”, the module “B”, and 2 more.');
    expect(german(waits, waits.text)).toBe('Wartet auf „A“, das Modul „B“ und 2 weitere.');
  });

  it('picks the plural form by count, in English and in German', () => {
    expect(say('notice-reviews-due', { count: 1 }).text).toBe('1 review due');
    expect(say('notice-reviews-due', { count: 3 }).text).toBe('3 reviews due');
    expect(german(say('notice-reviews-due', { count: 1 }), '')).toBe('1 Wiederholung fällig');
    expect(german(say('notice-reviews-due', { count: 3 }), '')).toBe('3 Wiederholungen fällig');
  });

  it('writes a count as each language writes numbers, kept a number for the plural form', () => {
    expect(say('notice-reviews-due', { count: 1500 }).text).toBe('1,500 reviews due');
    expect(german(say('notice-reviews-due', { count: 1500 }), '')).toBe('1.500 Wiederholungen fällig');
  });

  it('is translated wherever it sits in a result, and results without references come back as they were', () => {
    const said = say('run-timed-out', { seconds: 1500 });
    const result = { runs: [{ message: said.text, messageI18n: said, stdout: 'x' }], other: { a: 1 } };
    const shown = localized(result, german);
    expect(shown.runs[0]!.message).toMatch(/^Es war nicht innerhalb von 1\.500 s fertig/);
    expect(shown.other).toBe(result.other);
    expect(result.runs[0]!.message).toMatch(/^It did not finish/);
  });
});

describe('a message inside a message', () => {
  it('is said in the same language as the sentence around it', () => {
    const got = say('got-answers', { correct: 9, count: 10, percent: 90 });
    const target = say('target-band', { low: 70, high: 85 });
    const reason = say('difficulty-harder', { got, target, level: 4 });
    expect(reason.text).toBe(
      'You got 9 of your last 10 answers right (90%), above your target of 70–85%: harder exercises (difficulty 4 of 5) will teach you more.',
    );
    expect(german(reason, reason.text)).toBe(
      'Du hattest 9 von deinen letzten 10 Antworten richtig (90 %), über deinem Ziel von 70–85 %: Schwerere Übungen (Schwierigkeit 4 von 5) bringen dir mehr bei.',
    );
  });
});
