import { describe, expect, it } from 'vitest';
import { counted } from './plural.js';

describe('how counts are worded', () => {
  it.each([
    [0, '0 steps'],
    [1, '1 step'],
    [2, '2 steps'],
    [22, '22 steps'],
    [1.5, '1.5 steps'],
  ])('%s is "%s" by the plural rules', (n, words) => {
    expect(counted(n, 'step')).toBe(words);
  });

  it('takes an irregular plural', () => {
    expect(counted(3, 'try', 'tries')).toBe('3 tries');
    expect(counted(1, 'try', 'tries')).toBe('1 try');
  });
});
