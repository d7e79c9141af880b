import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { beforeEach, describe, expect, it } from 'vitest';
import { quizFileSchema } from '../../content-packs/format/manifest.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { ROOT, runCli, tempDir } from './support/processes.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ProgressPage } from './pages/progress-page.js';
import { QuizPage } from './pages/quiz-page.js';

const MIN = 60_000;
const loopsQuiz = quizFileSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'content-packs/python-foundations/quizzes/decisions-and-loops.json'), 'utf8')),
);
const signItem = loopsQuiz.find((i) => i.id === 'loops-code-sign')!;

/**
 * A learner whose log holds ten minutes of exercise work (started, then submitted ten minutes later,
 * the run itself 0.2 s) and an assessment, made the way a learner moves between machines: exported,
 * the events added, imported.
 */
async function learnerWithExerciseWork(dataDir: string, name: string): Promise<void> {
  const cli = (args: string[]) => runCli(['--data-dir', dataDir, ...args]);
  expect((await cli(['learner', 'create', name])).code).toBe(0);
  const file = join(tempDir('e2e-analytics-export-'), 'learner.jsonl');
  expect((await cli(['learner', 'export', name, '--out', file])).code).toBe(0);
  const header = JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!) as { learner: { id: string } };
  const userId = header.learner.id;
  const end = Date.now() - 2 * MIN;
  const event = (at: number, type: string, aggregateId: string, data: object) =>
    JSON.stringify({
      eventId: uuidv7({ msecs: at }),
      type,
      aggregateId,
      userId,
      timestamp: new Date(at).toISOString(),
      data,
      version: 1,
    });
  const exerciseId = 'python-foundations/collatz-steps';
  const lines = [
    event(end - 10 * MIN, 'ExerciseStarted', exerciseId, { exerciseId }),
    event(end, 'ExerciseSubmitted', exerciseId, {
      exerciseId,
      codeHash: 'b'.repeat(64),
      tests: [{ name: 'test_sums_evens', status: 'pass' }],
      durationMs: 200,
      hintsUsed: 0,
      skills: ['python-foundations/for-loops'],
    }),
    event(end + 1, 'AssessmentCompleted', 'loops-check', { assessmentId: 'loops-check', score: 4, total: 5 }),
  ];
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n${lines.join('\n')}\n`);
  expect((await cli(['learner', 'import', file])).code).toBe(0);
}

const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the learner’s analytics and a code quiz item in Chromium', () => {
  const app = appInChromium('e2e-analytics-', { width: 1200, height: 900 });
  let page: Page;
  let errors: string[];
  beforeEach(() => {
    ({ page, errors } = app);
  });

  it('counts ten minutes of exercise work on the progress screen, with a calendar, tables and assessments', async () => {
    await learnerWithExerciseWork(app.dataDir, 'Ana');
    await new ModuleListPage(page).open(app.url, 'Ana');
    const progress = new ProgressPage(page);
    await progress.open();
    const analytics = page.getByTestId('analytics');
    await analytics.getByTestId('time-on-task').waitFor();
    // Before, the progress screen said "0 min": only the 0.2 s run counted.
    await expect(progress.stat('Exercises').innerText()).resolves.toBe('10 min');
    await expect(progress.stat('Time on task').innerText()).resolves.toBe('10 min');
    // Today is an active day in the calendar, read as a table with its headers.
    const calendar = analytics.getByTestId('activity-calendar');
    await expect(calendar.getByRole('columnheader', { name: 'Mon' }).count()).resolves.toBe(1);
    await expect(calendar.locator('td.level-2').count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(calendar.locator('td.level-2 .calendar-amount').first().innerText()).resolves.toMatch(/min/);
    // Accuracy keeps its table; the assessment is listed.
    await expect(progress.tableOf('Accuracy by skill')).resolves.toEqual([['for loops', '100%']]);
    await expect(analytics.getByTestId('assessment-history').innerText()).resolves.toContain('4 of 5 (80%)');
    await page.screenshot({ path: join(SCREENSHOTS, '60-analytics.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    // A longer period by keyboard: the picker is a labelled select.
    await analytics.getByLabel('Period', { exact: true }).selectOption({ label: 'Last 90 days' });
    await expect.poll(() => analytics.getByTestId('activity-calendar').locator('tbody tr').count()).toBeGreaterThan(12);

    // The CLI tells the same.
    const cli = await runCli(['--data-dir', app.dataDir, 'progress', 'analytics', 'Ana', '--days', '7']);
    expect(cli.stdout).toContain('Time on task: 10 min (exercise 10 min');
    expect(cli.stdout).toContain('loops-check: 4 of 5');
    expect(errors).toEqual([]);
    // Four CLI runs open the app's core each: slow on a loaded machine, never a timing assertion.
  }, 180_000);

  it('answers a code quiz item in the editor: a wrong function, then a right one, graded in the sandbox', async () => {
    await new ModuleListPage(page).open(app.url, 'Cody');
    await page.goto(
      `${app.url.split('#')[0]}#/quiz/python-foundations/decisions-and-loops?item=python-foundations/${signItem.id}`,
    );
    const quiz = new QuizPage(page);
    await quiz.heading('Decisions and loops: quiz').waitFor();
    await expect(quiz.prompt()).resolves.toContain('Write sign(n)');
    // The editor starts from the starter; the learner types over it, as in an exercise.
    const box = page.getByRole('textbox', { name: 'Your code' });
    await box.waitFor();
    await expect(box.innerText()).resolves.toContain('raise NotImplementedError');
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('def sign(n):\n    return "positive" if n > 0 else "negative"\n');
    await quiz.check.click();
    const wrong = await quiz.verdict();
    expect(wrong).toContain('✗ Not quite.');
    expect(wrong).toContain('3 of 4 tests passed.');
    expect(wrong).toContain('zero is zero');
    expect(wrong).toContain('A reference solution:');
    await page.screenshot({ path: join(SCREENSHOTS, '61-quiz-code-wrong.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    // Again, rightly: the same item, opened anew as a search hit would open it.
    await page.goto(`${app.url.split('#')[0]}#/progress`);
    // The progress screen loads on first visit: wait for it, as a learner sees it, before going back.
    await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
    await page.goto(
      `${app.url.split('#')[0]}#/quiz/python-foundations/decisions-and-loops?item=python-foundations/${signItem.id}`,
    );
    await quiz.heading('Decisions and loops: quiz').waitFor();
    const again = page.getByRole('textbox', { name: 'Your code' });
    await again.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText(signItem.kind === 'code' ? signItem.solution : '');
    await quiz.check.click();
    const right = await quiz.verdict();
    expect(right).toContain('✓ Right.');
    expect(right).toContain('4 of 4 tests passed.');
    await page.screenshot({ path: join(SCREENSHOTS, '62-quiz-code-right.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    // The answers count: quiz time and the skill's accuracy in the analytics.
    const progress = new ProgressPage(page);
    await progress.open();
    await page.getByTestId('time-on-task').waitFor();
    await expect(progress.stat('Quizzes').innerText()).resolves.toMatch(/min/);
    const accuracy = await progress.tableOf('Accuracy by skill');
    expect(accuracy).toContainEqual(['if, elif and else', '50%']);
    await expect(page.getByTestId('no-assessments').innerText()).resolves.toBe('No assessments yet in this period.');
    expect(errors).toEqual([]);
  });

  it('reads in the dark theme on a narrow window, nothing running off the side', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await new ModuleListPage(page).open(app.url, 'Ana');
    await new ProgressPage(page).open();
    await page.getByTestId('activity-calendar').waitFor();
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, '63-analytics-dark-narrow.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    expect(errors).toEqual([]);
  });

  it('answers a code item in the terminal: code piped up to :end, graded in the sandbox, counted in the analytics', async () => {
    const dir = tempDir('e2e-cli-code-');
    const cli = (args: string[], input?: string) => runCli(['--data-dir', dir, ...args], {}, input);
    expect((await cli(['learner', 'create', 'Tess'])).code).toBe(0);
    const position = loopsQuiz.indexOf(signItem);
    const code = signItem.kind === 'code' ? signItem.solution : '';
    // Every other item skipped with an empty line, then the solution and the line that ends it.
    const input = [...loopsQuiz.slice(0, position).map(() => ''), code.trimEnd(), ':end'].join('\n');
    const run = await cli(['quiz', 'decisions-and-loops', '--learner', 'Tess'], `${input}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Write the function; hidden tests check it in the code sandbox.');
    expect(run.stdout).toContain('✓ Right. 4 of 4 tests passed.');
    expect(run.stdout).toContain(`You got 1 of ${position + 1} right, ${position} skipped.`);
    const analytics = JSON.parse((await cli(['progress', 'analytics', 'Tess', '--json'])).stdout) as {
      skills: { title: string; correct: number; attempts: number }[];
    };
    expect(analytics.skills).toContainEqual(
      expect.objectContaining({ title: 'if, elif and else', correct: 1, attempts: 1 }),
    );
  });
});
