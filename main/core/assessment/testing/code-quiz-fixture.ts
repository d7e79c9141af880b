import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writePackFixture } from '../../../../content-packs/format/pack-fixture.js';
import { RANGE_STOP_ITEM } from './quiz-fixture.js';

/** A code item: `double(n)` against hidden tests, its source written as lists of lines, as authors may. */
export const DOUBLE_ITEM = {
  id: 'double-it',
  kind: 'code',
  prompt: 'Write `double(n)`, which returns twice `n`.',
  starter: ['def double(n):', '    raise NotImplementedError'],
  solution: ['def double(n):', '    return 2 * n'],
  tests: [
    'import unittest',
    'from solution import double',
    '',
    'class DoubleTests(unittest.TestCase):',
    '    def test_doubles_a_positive_number(self):',
    '        self.assertEqual(double(4), 8)',
    '',
    '    def test_doubles_a_negative_number(self):',
    '        self.assertEqual(double(-3), -6)',
    '',
    '    def test_doubles_a_string(self):',
    '        self.assertEqual(double("ab"), "abab")',
  ],
  explanation: 'Multiplying by 2 doubles numbers and repeats strings alike.',
  skills: ['loops'],
  difficulty: 2,
};

/**
 * Test support: the demo pack fixture whose "loops" quiz holds a choice item and the code item above.
 * Returns the folder of pack sources, as `bundledPacksDir` takes it.
 */
export function writeCodeQuizPackFixture(): string {
  const source = writePackFixture();
  writeFileSync(join(source, 'quizzes', 'loops.json'), JSON.stringify([RANGE_STOP_ITEM, DOUBLE_ITEM]));
  return dirname(source);
}
