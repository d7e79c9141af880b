import { describe, expect, it } from 'vitest';
import { parseKt } from './kt-data.js';

describe('knowledge-tracing data', () => {
  it('reads three lines per learner, forgiving a trailing comma', () => {
    expect(parseKt('3\n4,4,7,\n1,0,1\n1\n9\n0\n', 'a.csv')).toEqual([
      { skills: [4, 4, 7], correct: [1, 0, 1] },
      { skills: [9], correct: [0] },
    ]);
  });

  it('reads the synthetic format: one line of answers to questions 0..n-1', () => {
    expect(parseKt('0,1,1\n1,1,0\n', 's.csv')).toEqual([
      { skills: [0, 1, 2], correct: [0, 1, 1] },
      { skills: [0, 1, 2], correct: [1, 1, 0] },
    ]);
  });

  it.each([
    ['3\n4,x,7\n1,0,1\n', /a\.csv, line 2: "x" is not a skill id/],
    ['3\n4,4\n1,0,1\n', /line 2: 2 skill ids where line 1 says 3/],
    ['3\n4,4,7\n1,0\n', /line 3: 2 answers where line 1 says 3/],
    ['2\n4,4\n1,2\n', /line 3: answers are 0 or 1/],
    ['3\n4,4,7\n1,0,1\n2\n1,1\n', /line 5: the file ends in the middle of a learner/],
    ['\n\n', /line 1: the file is empty/],
  ])('names the bad line: %j', (text, error) => {
    expect(() => parseKt(text, 'a.csv')).toThrow(error);
  });
});
