import { describe, expect, it } from 'vitest';
import { readableTestName, testSource } from './test-names.js';

describe('readable test names', () => {
  it.each([
    ['test_adds_two_numbers', 'adds two numbers'],
    ['TestCounter.test_counts_down', 'counts down'],
    ['tests.py::test_empty__list', 'empty list'],
    ['testEmptyList', 'empty list'],
    ['test_parses_JSON_input', 'parses JSON input'],
    ['test', 'test'],
    ['check_order', 'check order'],
  ])('%s -> %s', (raw, readable) => {
    expect(readableTestName(raw)).toBe(readable);
  });
});

describe('a test’s source', () => {
  const tests = [
    'import unittest',
    'from solution import add',
    '',
    'class T(unittest.TestCase):',
    '    def test_adds_two_numbers(self):',
    '        self.assertEqual(add(1, 2), 3)',
    '',
    '        self.assertEqual(add(0, 0), 0)',
    '',
    '    @unittest.skipIf(False, "never")',
    '    def test_adds_negatives(self):',
    '        self.assertEqual(add(-1, -2), -3)',
    '',
    'def test_top_level():',
    '    assert add(2, 2) == 4',
  ].join('\n');

  it('finds a method in a class, with its blank lines, and dedents it', () => {
    expect(testSource(tests, 'T.test_adds_two_numbers')).toBe(
      'def test_adds_two_numbers(self):\n    self.assertEqual(add(1, 2), 3)\n\n    self.assertEqual(add(0, 0), 0)',
    );
  });

  it('keeps a decorator and stops at the next definition', () => {
    expect(testSource(tests, 'test_adds_negatives')).toBe(
      '@unittest.skipIf(False, "never")\ndef test_adds_negatives(self):\n    self.assertEqual(add(-1, -2), -3)',
    );
  });

  it('finds a top-level function to the end of the file, and nothing for an unknown name or a prefix of one', () => {
    expect(testSource(tests, 'test_top_level')).toBe('def test_top_level():\n    assert add(2, 2) == 4');
    expect(testSource(tests, 'test_missing')).toBeNull();
    expect(testSource(tests, 'test_adds')).toBeNull();
    expect(testSource(tests, 'test_(.*')).toBeNull();
  });
});
