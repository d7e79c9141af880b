import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuizQuestion } from '../../../common/contract/quiz.js';
import { typedAnswer } from './quiz.js';

const base = { id: 'q1', prompt: 'Which?', difficulty: 2, skills: [] };
const choice: QuizQuestion = { ...base, kind: 'choice', choices: ['one', 'two', 'three'], multiple: true };

afterEach(() => vi.restoreAllMocks());

// Both `quiz` and `assess take` read answers through typedAnswer.
describe('a typed answer', () => {
  it('is the line itself for a question that is not a choice', () => {
    expect(typedAnswer(' 42 ', { ...base, kind: 'numeric' })).toBe(' 42 ');
  });

  it('names choices by letter or number', () => {
    expect(typedAnswer('a, C', choice)).toEqual([0, 2]);
    expect(typedAnswer('2', choice)).toEqual([1]);
  });

  it('says which letters to use, and is no answer, when a choice does not exist', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    for (const line of ['d', '4', '0', 'a b x', '']) expect(typedAnswer(line, choice), line).toBeUndefined();
    expect(written).toHaveLength(5);
    expect(written[0]).toMatch(/A-C/);
  });
});
