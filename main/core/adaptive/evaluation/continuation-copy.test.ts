import { describe, expect, it } from 'vitest';
import { asRows } from '../models/sequence.js';
import { multiSkillLearners } from '../testing/multi-skill-learners.js';
import { ContinuationCopy } from './continuation-copy.js';
import { markContinuations } from './continuations.js';
import { evaluateProtocols } from './protocols.js';

describe('the continuation copy', () => {
  const { sequences } = multiSkillLearners(300, 5);

  it('gives a continuing row the answer before it, and every other row no evidence', () => {
    const copy = new ContinuationCopy();
    copy.fit(sequences);
    const learner = { skills: [3, 10, 11, 12, 13, 4], correct: [1, 0, 0, 1, 1, 0] as (0 | 1)[] };
    const p = copy.predict(learner);
    expect(p[2]).toBeLessThan(0.05);
    expect(p[4]).toBeGreaterThan(0.95);
    for (const i of [0, 1, 3, 5]) expect(p[i]).toBe(0.5);
  });

  it('reads nothing of the row before when the row is marked as the same answer (the leak-free protocol)', () => {
    const copy = new ContinuationCopy();
    copy.fit(sequences);
    const marked = markContinuations(sequences).sequences;
    for (const s of marked) expect(copy.predict(s)).toEqual(s.skills.map(() => 0.5));
    // Its rows alone still copy.
    expect(copy.predict(asRows(marked[0]!)).some((p) => p !== 0.5)).toBe(true);
  });

  it('finds its pairs in the training learners only: on learners without pairs it has none', () => {
    const copy = new ContinuationCopy();
    copy.fit(sequences.map((s) => ({ skills: s.skills.map((k) => (k >= 10 ? 3 : k)), correct: s.correct })));
    expect(copy.predict(sequences[0]!)).toEqual(sequences[0]!.skills.map(() => 0.5));
  });

  it('lifts the common protocol when stacked, and leaves the leak-free one where it was', async () => {
    const scores = await evaluateProtocols([{ kind: 'elo' }, { kind: 'continuation-copy' }], sequences, {
      folds: 3,
      blends: [{ name: 'Elo + copy', of: ['IRT/Elo', 'continuation copy'] }],
    });
    const auc = (list: typeof scores.common, name: string) => list.find((s) => s.model === name)!.auc;
    expect(auc(scores.common, 'Elo + copy')).toBeGreaterThan(auc(scores.common, 'IRT/Elo') + 0.02);
    expect(auc(scores.leakFree, 'Elo + copy')).toBeCloseTo(auc(scores.leakFree, 'IRT/Elo'), 2);
  });

  it('scores a stack marked commonOnly in the common protocol only, beside the ones that are not', async () => {
    const scores = await evaluateProtocols([{ kind: 'elo' }, { kind: 'continuation-copy' }], sequences, {
      folds: 3,
      blends: [
        { name: 'Elo + copy', of: ['IRT/Elo', 'continuation copy'], commonOnly: true },
        { name: 'Elo + copy again', of: ['IRT/Elo', 'continuation copy'] },
      ],
    });
    const names = (list: typeof scores.common) => list.map((s) => s.model);
    expect(names(scores.common)).toEqual(['IRT/Elo', 'continuation copy', 'Elo + copy', 'Elo + copy again']);
    expect(names(scores.leakFree)).toEqual(['IRT/Elo', 'continuation copy', 'Elo + copy again']);
  });
});
