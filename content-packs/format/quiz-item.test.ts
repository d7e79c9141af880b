import { describe, expect, it } from 'vitest';
import { quizFileSchema, quizItemSchema } from './manifest.js';

const base = { id: 'q', prompt: 'Which?', skills: ['s'], difficulty: 1, explanation: 'Because.' };
const choice = { ...base, kind: 'choice', choices: ['a', 'b', 'c'] };

const problem = (item: unknown) => {
  const parsed = quizItemSchema.safeParse(item);
  return parsed.success ? undefined : parsed.error.issues.map((i) => i.message).join('; ');
};

describe('quiz items the build accepts', () => {
  it('takes every kind, a choice item with one right answer or several', () => {
    const items = [
      { ...choice, answer: 2 },
      { ...choice, answer: [0, 2] },
      { ...base, kind: 'numeric', answer: 0.5, tolerance: 0.05 },
      { ...base, kind: 'numeric', answer: -3 },
      { ...base, kind: 'short', answers: ['None', 'none'], caseSensitive: true },
    ];
    expect(quizFileSchema.parse(items).map((i) => i.kind)).toEqual(['choice', 'choice', 'numeric', 'numeric', 'short']);
    expect(quizItemSchema.parse(items[3])).toMatchObject({ tolerance: 0 });
  });

  it.each<[string, unknown, RegExp]>([
    ['a right answer that is not a choice', { ...choice, answer: 3 }, /index of one of the choices/],
    ['a right answer among several that is not a choice', { ...choice, answer: [0, 5] }, /index of one of the choices/],
    ['a choice named right twice', { ...choice, answer: [1, 1] }, /names a choice twice/],
    ['no right choice', { ...choice, answer: [] }, /./],
    ['a fractional index', { ...choice, answer: 0.5 }, /./],
    ['two equal choices', { ...choice, choices: ['a', 'a '], answer: 0 }, /choices must differ/],
    ['one choice only', { ...choice, choices: ['a'], answer: 0 }, /./],
    ['a negative tolerance', { ...base, kind: 'numeric', answer: 1, tolerance: -0.1 }, /tolerance must be 0 or more/],
    ['a number answer as text', { ...base, kind: 'numeric', answer: '1' }, /./],
    ['no accepted answer', { ...base, kind: 'short', answers: [] }, /./],
    ['a blank accepted answer', { ...base, kind: 'short', answers: ['None', '  '] }, /must not be blank/],
    ['an unknown kind', { ...base, kind: 'code', answer: 'x' }, /./],
    ['an unknown field', { ...choice, answer: 0, hint: 'x' }, /./],
  ])('refuses %s', (_name, item, message) => {
    expect(problem(item)).toMatch(message);
  });
});
