import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { runCli, tempDir } from './processes.js';

/**
 * Three right answers five days ago on each quiz item given (`pack/item`, with its skill), so each skill's first
 * review is due now. Quiz answers are graded by the app, so no face may post one: they come in as another
 * machine's export would carry them, through `lionlearn learner import` into the learner's own history.
 */
export async function masterFiveDaysAgo(
  dataDir: string,
  learner: string,
  answers: readonly { item: string; skill: string }[],
): Promise<void> {
  const file = join(tempDir('e2e-mastered-'), 'rev.jsonl');
  expect((await runCli(['--data-dir', dataDir, 'learner', 'export', learner, '--out', file])).code).toBe(0);
  const header = readFileSync(file, 'utf8').split('\n')[0]!;
  const { id } = (JSON.parse(header) as { learner: { id: string } }).learner;
  const answer = ({ item, skill }: { item: string; skill: string }, minute: number) => ({
    eventId: uuidv7(),
    type: 'QuizAnswered',
    aggregateId: item,
    userId: id,
    timestamp: new Date(Date.now() - 5 * 86_400_000 + minute * 60_000).toISOString(),
    data: { quizItemId: item, correct: true, answer: '3', timeSpentMs: 1000, skills: [skill] },
    version: 1,
  });
  const events = answers.flatMap((one, i) => [0, 1, 2].map((m) => JSON.stringify(answer(one, i * 3 + m))));
  writeFileSync(file, [header, ...events].join('\n') + '\n');
  expect((await runCli(['--data-dir', dataDir, 'learner', 'import', file])).code).toBe(0);
}
