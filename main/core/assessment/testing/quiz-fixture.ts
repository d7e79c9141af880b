import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PackManifestInput } from '../../../../content-packs/format/manifest.js';
import { writePackFixture } from '../../../../content-packs/format/pack-fixture.js';

/** A single-choice item, the first of the fixtures' "loops" quizzes. */
export const RANGE_STOP_ITEM = {
  id: 'range-stop',
  kind: 'choice',
  prompt: 'What is the last number range(1, 5) yields?',
  choices: ['5', '4', '1'],
  answer: 1,
  explanation: 'range stops before its stop value.',
  skills: ['loops'],
  difficulty: 1,
};

/**
 * Test support: the demo pack fixture, its "loops" quiz replaced by one item of every kind (single
 * and multiple choice, numeric with and without tolerance, short answer case-sensitive and not).
 * Returns the folder of pack sources, as `bundledPacksDir` takes it.
 */
export function writeQuizPackFixture(overrides: Partial<PackManifestInput> = {}): string {
  const source = writePackFixture(overrides);
  const items = [
    RANGE_STOP_ITEM,
    {
      id: 'falsy-values',
      kind: 'choice',
      prompt: 'Which of these are falsy?',
      choices: ['0', '"0"', '[]', 'None'],
      answer: [0, 2, 3],
      explanation: 'Zero, empty containers and None are falsy; a non-empty string is truthy.',
      skills: ['loops'],
      difficulty: 2,
    },
    {
      id: 'loop-count',
      kind: 'numeric',
      prompt: 'How many times does a loop over range(3) run?',
      answer: 3,
      explanation: 'range(3) yields 0, 1 and 2.',
      skills: ['loops'],
      difficulty: 3,
    },
    {
      id: 'half-second',
      kind: 'numeric',
      prompt: 'About how many seconds does asyncio.sleep(0.5) wait?',
      answer: 0.5,
      tolerance: 0.05,
      explanation: 'It waits at least half a second.',
      skills: ['loops'],
      difficulty: 2,
    },
    {
      id: 'no-return',
      kind: 'short',
      prompt: 'What does a function without a return statement return?',
      answers: ['None'],
      caseSensitive: true,
      explanation: 'Falling off the end of a function returns None.',
      skills: ['loops'],
      difficulty: 1,
    },
    {
      id: 'cafe-word',
      kind: 'short',
      prompt: 'Name the French word for coffee shop.',
      answers: ['café', 'cafe'],
      explanation: 'Café, with or without its accent.',
      skills: ['loops'],
      difficulty: 1,
    },
  ];
  writeFileSync(join(source, 'quizzes', 'loops.json'), JSON.stringify(items));
  return dirname(source);
}
