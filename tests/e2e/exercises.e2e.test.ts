import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { ExercisePage } from './pages/exercise-page.js';
import { ModuleListPage } from './pages/module-list-page.js';

const CLOCK_TIME = 'content-packs/python-foundations/exercises/first-steps/clock-time';

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
    await exercise.testsStatus.filter({ hasText: /^All \d+ tests pass\.$/ }).waitFor({ timeout: 20_000 });

    // Run's output takes the results panel's place under the editor, in view, not below the tests.
    await exercise.button('Run').click();
    await exercise.stdout.filter({ hasText: '1:02:05' }).waitFor();
    expect(await exercise.inView(exercise.stdout)).toBe(true);
    expect(await exercise.tests.count()).toBe(0);
    await exercise.button('Submit').click();
    await exercise.testsStatus
      .filter({ hasText: /^Submitted: all \d+ tests pass\. Well done!$/ })
      .waitFor({ timeout: 20_000 });
    expect(await exercise.stdout.count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, '11-exercise-passed.png'), fullPage: true });

    // The verdict described other code once it changes: it goes at once, and the live checks take over.
    await exercise.replaceCode(solution.replace('{secs:02d}', '{secs}'));
    await expect.poll(() => exercise.results.innerText()).not.toMatch(/Well done|Submitted/);
    await exercise.testsStatus.filter({ hasText: /^\d+ of \d+ tests pass\.$/ }).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  it('names tests in words, shows a test’s code on demand, and says a time limit once', async () => {
    await page.evaluate(() => (location.hash = '#/exercises/python-foundations/clock-time'));
    const exercise = new ExercisePage(page);
    await exercise.editor.waitFor();
    await exercise.replaceCode('def clock_time(seconds):\n    return "0:00:00"\n');
    await exercise.testsStatus.filter({ hasText: /of \d+ tests pass/ }).waitFor({ timeout: 20_000 });
    const names = await exercise.tests.locator('.test-name').allInnerTexts();
    expect(names).toContain('hours minutes and seconds');
    expect(names.join(' ')).not.toMatch(/test_|_/);
    const first = exercise.tests.filter({ hasText: 'hours minutes and seconds' });
    await first.getByText('Show the test’s code').click();
    await first.locator('.test-source pre').filter({ hasText: 'clock_time(3725), "1:02:05"' }).waitFor();

    // A loop that never ends: the live check stops at the time limit, said once, with nothing else.
    await exercise.replaceCode('def clock_time(seconds):\n    while True:\n        pass\n');
    await exercise.testsStatus.filter({ hasText: /time limit/ }).waitFor({ timeout: 30_000 });
    const panel = await exercise.results.innerText();
    expect(panel.match(/time limit|did not finish/g)).toHaveLength(1);
    expect(panel).not.toMatch(/Well done|does not load/);
    await page.screenshot({ path: join(SCREENSHOTS, '12-exercise-timeout.png'), fullPage: true });

    // Run the same loop and stop it: Stop replaces Run while it goes, and the stop is what shows.
    await exercise.replaceCode('while True:\n    pass\n');
    await exercise.button('Run').click();
    await exercise.button('Stop').click();
    await exercise.testsStatus.filter({ hasText: /^Stopped/ }).waitFor();
    await exercise.button('Run').waitFor();
    expect(await exercise.stdout.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps the learner’s draft, resets to the starter only when confirmed, and restores the last submission', async () => {
    const open = async () => {
      await page.evaluate(() => (location.hash = '#/exercises/python-foundations/clock-time'));
      const exercise = new ExercisePage(page);
      await exercise.editor.waitFor();
      return exercise;
    };
    let exercise = await open();
    const starter = readFileSync(join(CLOCK_TIME, 'starter.py'), 'utf8').trimEnd();

    const submitted = 'def clock_time(seconds):\n    return "submitted"\n';
    await exercise.replaceCode(submitted);
    await exercise.button('Submit').click();
    await exercise.testsStatus.filter({ hasText: /^Submitted:/ }).waitFor({ timeout: 20_000 });
    const draft = 'def clock_time(seconds):\n    return "my draft 🐍"\n';
    await exercise.replaceCode(draft);

    // Leave at once (no waiting for the pause after typing) and come back: the draft is there.
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByRole('heading', { level: 1, name: 'Your modules' }).waitFor();
    exercise = await open();
    await expect.poll(() => exercise.code()).toBe(draft.trimEnd());
    // And after the page (the app) starts again.
    await exercise.draftState.filter({ hasText: 'Your code is saved.' }).waitFor();
    await page.reload();
    exercise = new ExercisePage(page);
    await exercise.editor.waitFor();
    await expect.poll(() => exercise.code()).toBe(draft.trimEnd());

    // Reset asks first; Escape or Cancel keeps the code.
    await exercise.button('Reset to starter').click();
    const reset = exercise.dialog('Start again from the starter code?');
    await reset.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '13-exercise-reset-confirm.png'), fullPage: true });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await reset.waitFor({ state: 'hidden' });
    expect(await exercise.code()).toBe(draft.trimEnd());
    await exercise.button('Reset to starter').click();
    await reset.getByRole('button', { name: 'Cancel' }).click();
    expect(await exercise.code()).toBe(draft.trimEnd());
    await exercise.button('Reset to starter').click();
    await reset.getByRole('button', { name: 'Reset to starter' }).click();
    await expect.poll(() => exercise.code()).toBe(starter);

    // The last submission comes back, also after a confirmation, and stays as the draft.
    await exercise.button('Restore my last submission').click();
    await exercise
      .dialog('Restore your last submission?')
      .getByRole('button', { name: 'Restore my last submission' })
      .click();
    await expect.poll(() => exercise.code()).toBe(submitted.trimEnd());
    await page.evaluate(() => (location.hash = '#/'));
    exercise = await open();
    await expect.poll(() => exercise.code()).toBe(submitted.trimEnd());
    expect(errors).toEqual([]);
  });
});
