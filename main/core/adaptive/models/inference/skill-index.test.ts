import { describe, expect, it } from 'vitest';
import { answerStarts } from '../sequence.js';
import { SkillIndex } from './skill-index.js';

describe('the app’s answers as the models read them', () => {
  it('makes an answer on several skills one step: its further rows continue it, skills the model lacks left out', () => {
    const index = new SkillIndex(['py/loops', 'py/lists', 'py/dicts']);
    const sequence = index.sequenceOf(
      [
        { skills: ['py/loops'], correct: true },
        { skills: ['py/loops', 'py/unknown', 'py/lists', 'py/dicts'], correct: false },
        { skills: ['py/unknown', 'py/lists'], correct: true },
      ],
      false,
    );
    expect(sequence).toEqual({
      skills: [0, 0, 1, 2, 1],
      correct: [1, 0, 0, 0, 1],
      continues: [false, false, true, true, false],
    });
    // Each row of the second answer is predicted from the answers before it: the first answer alone.
    expect(answerStarts(sequence)).toEqual([0, 1, 1, 1, 4]);
  });
});
