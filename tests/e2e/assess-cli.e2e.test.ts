import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { quizFileSchema } from '../../content-packs/format/manifest.js';
import { ROOT, runCli, tempDir } from './support/processes.js';

const cli = (dataDir: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
  runCli(['--data-dir', dataDir, ...args], env, input);

/** "1" is an answer of every kind: choice A, the number 1, the text "1". The CLI never says which were right. */
const ones = (n: number) => `${Array.from({ length: n }, () => '1').join('\n')}\n`;

const storedParams = (dataDir: string) => {
  const db = new Database(join(dataDir, 'learn.db'), { readonly: true });
  try {
    return db.prepare('SELECT item_id AS item, discrimination AS a, difficulty AS b FROM item_parameters').all();
  } finally {
    db.close();
  }
};

// Each test runs several CLI processes, each opening the app's database and packs: slow on a busy machine.
describe('lionlearn assess', { timeout: 180_000 }, () => {
  it('takes an adaptive test from piped answers with no verdict before the report, then reports per skill', async () => {
    const dir = tempDir('cli-assess-');
    expect((await cli(dir, ['learner', 'create', 'Ann'])).code).toBe(0);
    const run = await cli(dir, ['assess', 'start', 'python-foundations/functions', '--items', '4'], ones(4));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Functions: adaptive test, up to 4 items.');
    expect(run.stdout).toContain('Question 1 of up to 4');
    expect(run.stdout).toContain('Question 4 of up to 4');
    const [taking, report] = run.stdout.split('Functions: adaptive test: ended because');
    expect(taking!.match(/Answer saved\./g)).toHaveLength(4);
    for (const verdict of ['✓', '✗', 'right', 'the answer:']) expect(taking).not.toContain(verdict);
    expect(report).toContain('it reached its length');
    expect(report).toMatch(/\d of 4 right\. Ability -?\d\.\d\d \(standard error 0\.\d\d\)/);
    expect(report).toContain('Skills, weakest first:');
    expect(report).toMatch(/Study next: .+ \(Functions\)|Nothing to catch up on/);
    expect(report).toContain('your answer: 1');
    // The answers now count toward the learner's progress.
    expect((await cli(dir, ['progress', 'show', 'Ann'])).stdout).toMatch(/quiz items? right/);
    const json = JSON.parse((await cli(dir, ['assess', 'report', '--json'])).stdout) as { answered: number };
    expect(json.answered).toBe(4);
  });

  it('is left with :quit and resumed where it stopped, by another run of the command', async () => {
    const dir = tempDir('cli-assess-resume-');
    await cli(dir, ['learner', 'create', 'Bo']);
    const first = await cli(dir, ['assess', 'start', 'functions', '--fixed', '--items', '3'], '1\n:quit\n');
    expect(first.code).toBe(0);
    const id = /lionlearn assess resume ([0-9a-f-]{36})/.exec(first.stdout)?.[1];
    expect(id).toBeDefined();
    expect(first.stdout).not.toContain('ended because');
    const nothing = await cli(dir, ['assess', 'report'], '');
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('No finished assessment yet');

    const second = await cli(dir, ['assess', 'resume'], ones(2));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Question 2 of 3');
    expect(second.stdout).not.toContain('Question 1 of 3');
    expect(second.stdout).toContain('ended because every item was asked');
    expect(second.stdout).toMatch(/\d of 3 right/);
    const none = await cli(dir, ['assess', 'resume'], '');
    expect(none.stdout).toContain('No unfinished assessment');
    expect((await cli(dir, ['assess', 'report', id!])).stdout).toContain('Functions: test: ended because');

    // A teacher's fixed form: these items, in this order, with a time limit.
    const picked = ['python-foundations/fn-base-case', 'python-foundations/fn-mutable-default'];
    const form = await cli(
      dir,
      ['assess', 'start', 'python-foundations', '--item', ...picked, '--minutes', '15'],
      ones(2),
    );
    expect(form.code).toBe(0);
    expect(form.stdout).toContain('Python foundations: test, 2 items.');
    expect(form.stdout).toMatch(/Question 1 of 2 \(1[45]:\d\d left\)/);
    const report = JSON.parse((await cli(dir, ['assess', 'report', '--json'])).stdout) as {
      items: { question: { id: string } }[];
    };
    expect(report.items.map((i) => i.question.id)).toEqual(picked);
  });

  it('refuses an unknown topic and a bad length with a clear error, and starts nothing', async () => {
    const dir = tempDir('cli-assess-bad-');
    await cli(dir, ['learner', 'create', 'Cy']);
    const unknown = await cli(dir, ['assess', 'start', 'no-such-module'], '');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No installed module "no-such-module"');
    const zero = await cli(dir, ['assess', 'start', 'functions', '--items', '0'], '');
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('maxItems');
    expect((await cli(dir, ['assess', 'resume'], '')).stdout).toContain('No unfinished assessment');
  });

  it('calibrates the bank from a CSV of answers, and from the app’s own; a bad file changes nothing', async () => {
    const dir = tempDir('cli-assess-calibrate-');
    await cli(dir, ['learner', 'create', 'Di']);
    const items = quizFileSchema
      .parse(JSON.parse(readFileSync(join(ROOT, 'content-packs/python-foundations/quizzes/functions.json'), 'utf8')))
      .map((i) => `python-foundations/${i.id}`);
    // 200 learners whose answers follow item order: the later items are harder.
    const lines = ['learner,item,correct'];
    for (let l = 0; l < 200; l++) {
      items.forEach((item, i) => lines.push(`l${l},${item},${(l * 7 + i * 13) % 100 < 90 - i * 7 ? 1 : 0}`));
    }
    const csv = join(tempDir('cli-assess-csv-'), 'answers.csv');
    writeFileSync(csv, lines.join('\n'));

    const bad = join(tempDir('cli-assess-bad-csv-'), 'answers.csv');
    writeFileSync(bad, `${lines.slice(0, 50).join('\n')}\nl1,python-foundations/no-such-item,1\n`);
    const refused = await cli(dir, ['assess', 'calibrate', '--answers', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"python-foundations/no-such-item"');
    expect(refused.stderr).toContain('nothing was calibrated');
    writeFileSync(bad, 'learner,item,correct\nl1,python-foundations/fn-mutable-default,maybe\n');
    const unreadable = await cli(dir, ['assess', 'calibrate', '--answers', bad]);
    expect(unreadable.stderr).toContain('Line 2 of the CSV');
    expect(storedParams(dir)).toEqual([]);

    const run = await cli(dir, ['assess', 'calibrate', '--answers', csv]);
    expect(run.code).toBe(0);
    // A count as English writes numbers: "2,000 first answers".
    expect(run.stdout).toContain(
      `Calibrated ${items.length} items from ${(200 * items.length).toLocaleString('en')} first answers of 200 learners`,
    );
    const params = storedParams(dir) as { item: string; b: number }[];
    expect(params).toHaveLength(items.length);
    const b = (id: string) => params.find((p) => p.item === id)!.b;
    expect(b(items.at(-1)!)).toBeGreaterThan(b(items[0]!));

    const none = await cli(dir, ['assess', 'calibrate']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no quiz answers to calibrate from yet');
    await cli(dir, ['assess', 'start', 'functions', '--items', '3'], ones(3));
    const own = await cli(dir, ['assess', 'calibrate']);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("Calibrated 3 items from 3 first answers of 1 learner (this machine's quiz answers)");
  });

  it('simulates: the adaptive test beside the fixed forms, with exposure rates, the same for the same seed', async () => {
    const args = ['assess', 'simulate', '--learners', '150', '--items', '150', '--seed', '4'];
    const dir = tempDir('cli-assess-sim-');
    const [one, two] = [await cli(dir, args), await cli(dir, args)];
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    expect(one.stdout).toMatch(/items per learner \(mean\)\s+[\d.]+\s+[\d.]+\s+[\d.]+/);
    expect(one.stdout).toContain('highest item exposure rate');
    expect(one.stdout).toContain('Adaptive item exposure rates, items per band: never:');
    const savings = Number(/adaptive test needed (\d+)% fewer items than the fixed form/.exec(one.stdout)?.[1]);
    expect(savings).toBeGreaterThanOrEqual(40);
    const r = Number(/at r = (\d\.\d+)/.exec(one.stdout)?.[1]);
    expect(r).toBeGreaterThanOrEqual(0.9);
    const bad = await cli(dir, ['assess', 'simulate', '--learners', '0']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--learners is 2 to 100,000');
    expect(readdirSync(dir)).toEqual([]);
    // A German admin reads the same report in German, numbers written the German way.
    const german = await cli(dir, args, undefined, { LANG: 'de_DE.UTF-8' });
    expect(german.stdout).toMatch(/Aufgaben pro Person \(Mittel\)\s+\d+,\d\s+/);
    expect(german.stdout).toMatch(/brauchte der adaptive Test \d+\s%\sweniger Aufgaben/);
    expect(german.stdout).not.toMatch(/fewer items|items per learner|exposure rate/);
  });
});
