import { describe, expect, it } from 'vitest';
import { markContinuations } from './continuations.js';
import { multiSkillLearners } from '../testing/multi-skill-learners.js';
import { evaluateProtocols } from './protocols.js';

describe('continuation rows', () => {
  it('finds the rows of multi-skill answers, and no others, from the data alone', () => {
    const { sequences, continuations } = multiSkillLearners(300, 5);
    const marked = markContinuations(sequences);
    expect(marked.pairs).toBe(2);
    expect(marked.rows).toBe(continuations);
    for (const s of marked.sequences) {
      s.continues!.forEach((c, i) => {
        if (c) expect(['10>11', '12>13']).toContain(`${s.skills[i - 1]}>${s.skills[i]}`);
      });
    }
  });

  it('leaves alone two easy questions that are nearly always both right, and a pair seen too rarely to judge', () => {
    // Questions 0 and 1 right 97% of the time, separately: they agree about 94% of the time.
    let x = 9;
    const random = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const easy = Array.from({ length: 400 }, () => ({
      skills: [0, 1, 2, 3],
      correct: [random() < 0.97 ? 1 : 0, random() < 0.97 ? 1 : 0, 1, 1] as (0 | 1)[],
    }));
    expect(markContinuations(easy)).toMatchObject({ rows: 0, pairs: 0 });
    const rare = [{ skills: [4, 5, 4, 5], correct: [1, 1, 0, 0] as (0 | 1)[] }];
    expect(markContinuations(rare).rows).toBe(0);
  });

  it('the leak-free protocol scores below the common one where the common one can copy a label', async () => {
    const { sequences, continuations } = multiSkillLearners(400, 7);
    const scores = await evaluateProtocols([{ kind: 'elo' }], sequences, { folds: 3 });
    expect(scores.continuations).toMatchObject({ rows: continuations, pairs: 2 });
    expect(scores.leakFree[0]!.auc).toBeLessThan(scores.common[0]!.auc);
  });

  it('scores each multi-skill answer once beside every row, in the leak-free protocol only', async () => {
    const { sequences } = multiSkillLearners(300, 5);
    const scores = await evaluateProtocols([{ kind: 'elo' }, { kind: 'pfa' }], sequences, {
      folds: 3,
      blends: [{ name: 'Elo + PFA', of: ['IRT/Elo', 'PFA'] }],
    });
    expect(scores.leakFree.map((s) => s.model)).toEqual(['IRT/Elo', 'PFA', 'Elo + PFA']);
    for (const score of scores.leakFree) {
      expect(score.answerAuc, score.model).toBeGreaterThan(0.55);
      // Fewer samples, counted differently: not the row figure again.
      expect(score.answerAuc, score.model).not.toBeCloseTo(score.auc, 6);
    }
    // In the common protocol every row is an answer of its own.
    for (const score of scores.common) expect(score.answerAuc, score.model).toBeUndefined();
  });
});
