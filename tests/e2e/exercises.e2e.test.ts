import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { ExercisePage } from './pages/exercise-page.js';
import { ModuleListPage } from './pages/module-list-page.js';

// The exercise workspace against the real sandbox: the browser face, Docker and the python-3.11 image.
describe('an exercise in Chromium', () => {
  const app = appInChromium('e2e-exercises-', { width: 1300, height: 950 });
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    ({ page, errors } = app);
    await new ModuleListPage(page).open(app.url);
  });

  it('checks the code as you type, runs it, takes a submission and counts hints', async () => {
    await page.evaluate(() => (location.hash = '#/exercises/python-foundations/clock-time'));
    const exercise = new ExercisePage(page);
    await exercise.editor.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Seconds on the clock' }).waitFor();

    // Live feedback on the starter as typed: every test fails or errors.
    await exercise.replaceCode('def clock_time(seconds):\n    return "0:00:00"\n');
    await exercise.testsStatus.filter({ hasText: /of \d+ tests pass/ }).waitFor({ timeout: 20_000 });
    await expect.poll(() => exercise.tests.count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(SCREENSHOTS, '10-exercise-live.png'), fullPage: true });

    await exercise.button(/^Hint/).click();
    await page.getByRole('list', { name: 'Hints' }).waitFor();

    const solution = [
      'def clock_time(seconds):',
      '    hours, rest = divmod(seconds, 3600)',
      '    minutes, secs = divmod(rest, 60)',
      '    print("checking", seconds)',
      '    return f"{hours}:{minutes:02d}:{secs:02d}"',
      '',
      'print(clock_time(3725))',
      '',
    ].join('\n');
    await exercise.replaceCode(solution);
    await exercise.testsStatus.filter({ hasText: /^(\d+) of \1 tests pass/ }).waitFor({ timeout: 20_000 });

    await exercise.button('Run').click();
    await exercise.stdout.filter({ hasText: '1:02:05' }).waitFor();
    await exercise.button('Submit').click();
    await page
      .getByRole('status')
      .filter({ hasText: /Submitted: all \d+ tests pass/ })
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(SCREENSHOTS, '11-exercise-passed.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('reset brings the starter code back', async () => {
    await page.evaluate(() => (location.hash = '#/exercises/python-foundations/clock-time'));
    const exercise = new ExercisePage(page);
    await exercise.editor.waitFor();
    const starter = await exercise.editor.innerText();
    await exercise.replaceCode('print("changed")\n');
    page.once('dialog', (dialog) => void dialog.accept());
    await exercise.button('Reset').click();
    await expect.poll(() => exercise.editor.innerText()).toBe(starter);
  });
});
