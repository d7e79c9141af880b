import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quizFileSchema } from '../../content-packs/format/manifest.js';
import type { QuizItem } from '../../content-packs/format/manifest.js';
import { ROOT, runCli, tempDir } from './support/processes.js';

const cli = (dataDir: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
  runCli(['--data-dir', dataDir, ...args], env, input);

const items = quizFileSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'content-packs/python-foundations/quizzes/functions.json'), 'utf8')),
);
const letters = (indexes: number[]) => indexes.map((i) => String.fromCharCode(65 + i)).join(' ');
/** What a learner who knows the answer types. */
const rightLine = (item: QuizItem) =>
  item.kind === 'choice'
    ? letters([item.answer].flat())
    : item.kind === 'numeric'
      ? String(item.answer)
      : item.kind === 'short'
        ? item.answers[0]!
        : `${item.solution}\n:end`;
/** A wrong answer of the right shape. */
const wrongLine = (item: QuizItem) =>
  item.kind === 'choice'
    ? letters([[0, 1].find((i) => ![item.answer].flat().includes(i))!])
    : item.kind === 'numeric'
      ? String(item.answer + 1000)
      : 'certainly-not-this';

describe('lionlearn quiz', () => {
  it('takes a module quiz from piped answers: feedback per item, a summary, then a retry of the missed one', async () => {
    const dir = tempDir('cli-quiz-');
    expect((await cli(dir, ['learner', 'create', 'Ann'])).code).toBe(0);
    const [first, ...rest] = items;
    const input = [wrongLine(first!), ...rest.map(rightLine), 'y', rightLine(first!)].join('\n');
    const run = await cli(dir, ['quiz', 'python-foundations/functions', '--learner', 'Ann'], `${input}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Functions: quiz, ${items.length} items.`);
    expect(run.stdout).toContain(`Question 1 of ${items.length}`);
    expect(run.stdout).toContain(`Question ${items.length} of ${items.length}`);
    expect(run.stdout).toContain('✗ Not quite. The answer:');
    expect(run.stdout).toContain(first!.explanation);
    expect(run.stdout).toContain(`You got ${items.length - 1} of ${items.length} right.`);
    expect(run.stdout).toContain('Functions: retrying missed items, 1 items.');
    expect(run.stdout).toContain('You got 1 of 1 right.');
    expect((await cli(dir, ['progress', 'show', 'Ann'])).stdout).toContain(`${items.length} quiz items right`);
    const none = await cli(dir, ['quiz', 'functions', '--missed'], '');
    expect(none.stdout).toContain('Nothing to retry');
  });

  it('asks again after an answer it cannot take, records nothing for it, and stops when the input ends', async () => {
    const dir = tempDir('cli-quiz-bad-');
    await cli(dir, ['learner', 'create', 'Bo']);
    const choice = items.findIndex((i) => i.kind === 'choice');
    const numeric = items.findIndex((i) => i.kind === 'numeric');
    // Skip to the first choice item, answer it with a letter that is not a choice, then rightly.
    const lines = items.slice(0, choice).map(() => '');
    lines.push('Z', rightLine(items[choice]!));
    const run = await cli(dir, ['quiz', 'Functions', '--learner', 'bo'], `${lines.join('\n')}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Answer with the letter of a choice \(A-[D-H]\)\./);
    expect(run.stdout).toContain('✓ Right.');
    expect(run.stdout).toMatch(/You got 1 of \d+ right, \d+ skipped\./);

    const skipToNumeric = items.slice(0, numeric).map(() => '');
    const bad = await cli(
      dir,
      ['quiz', 'functions', '--learner', 'Bo'],
      `${[...skipToNumeric, 'three', '1,5'].join('\n')}\n`,
    );
    expect(bad.stdout).toContain('“three” is not a number');
    expect(bad.stdout).toContain('“1,5” is not a number');
    expect(bad.code).toBe(0);
    expect((await cli(dir, ['progress', 'show', 'Bo'])).stdout).toContain('1 quiz item right');
  });

  it('refuses a module that is not installed, and asks whose quiz it is when several profiles exist', async () => {
    const dir = tempDir('cli-quiz-refuse-');
    await cli(dir, ['learner', 'create', 'Cy']);
    const unknown = await cli(dir, ['quiz', 'no-such-module'], '');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No installed module "no-such-module"');
    await cli(dir, ['learner', 'create', 'Di']);
    const who = await cli(dir, ['quiz', 'functions'], '');
    expect(who.code).toBe(1);
    expect(who.stderr).toContain('Add --learner NAME (profiles: Cy, Di)');
  });
});
