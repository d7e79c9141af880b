import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { SCREENSHOTS } from './support/browser.js';
import { ExercisePage } from './pages/exercise-page.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ModulePage } from './pages/module-page.js';

const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

// Continue where you left off, progress marks, and the next step after a success, in the browser face.
describe('home, progress marks and next steps in Chromium', () => {
  const app = appInChromium('e2e-home-', { width: 1280, height: 900 });
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    ({ page, errors } = app);
  });

  it('is ready soon after start: prints the time from navigation to the listed modules', async () => {
    const home = new ModuleListPage(page);
    await home.open(app.url, 'Starter');
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await home.modules.first().waitFor();
      const ready = await page.evaluate(() => performance.getEntriesByName('home-ready')[0]?.startTime);
      expect(ready).toBeGreaterThan(0);
      samples.push(ready!);
    }
    samples.sort((a, b) => a - b);
    // A figure, not an assertion (timings belong in benchmarks): the target is 300 ms here.
    console.log(
      `home ready after start: median ${samples[2]!.toFixed(0)} ms over 5 reloads (${samples.map((s) => s.toFixed(0)).join(', ')})`,
    );
  });

  it('leads home with the step left unfinished and marks it in progress on the card and the module page', async () => {
    const home = new ModuleListPage(page);
    await home.open(app.url, 'Continuer');
    await home.progressOf('First steps').filter({ hasText: 'Not started' }).waitFor();
    expect(await home.continuePanel.count()).toBe(0);

    await go(page, '#/lessons/python-foundations/values-and-variables');
    await new LessonPage(page).waitForLesson('Values and variables');
    await go(page, '#/');
    await home.continueLink.filter({ hasText: 'Values and variables' }).waitFor();
    // It leads: the first panel on the home screen.
    const firstPanel = await page.locator('section[aria-labelledby="modules-heading"] > section').first().innerText();
    expect(firstPanel).toMatch(/^Continue where you left off/);
    expect(await home.continuePanel.innerText()).toContain('have not finished it yet');
    await home
      .progressOf('First steps')
      .filter({ hasText: /In progress \(0 of 10 done\)/ })
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '40-home-continue.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    await home.openModule('First steps');
    const module = new ModulePage(page);
    await module.heading('First steps').waitFor();
    await module.markOf('Values and variables').filter({ hasText: 'In progress' }).waitFor();
    expect(await module.markOf('Hello, Python').innerText()).toContain('Not started');
    expect(await module.markOf('Split the bill').innerText()).toContain('Not started');
    await page.screenshot({ path: join(SCREENSHOTS, '41-module-marks.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    expect(errors).toEqual([]);
  });

  it('after a module’s last lesson is marked done, its first exercise is the focused next step, one Enter away', async () => {
    await new ModuleListPage(page).open(app.url, 'Finisher');
    await go(page, '#/lessons/python-foundations/reading-input');
    const lesson = new LessonPage(page);
    await lesson.waitForLesson('Reading input');
    // Before: the next step is already in teaching order (the exercises, not the next module's lesson).
    await lesson.next.filter({ hasText: 'Next: Split the bill (exercise)' }).waitFor();

    // Keyboard only: focus the button, Enter, then Enter again on what took the focus.
    await lesson.markDone.focus();
    await page.keyboard.press('Enter');
    await lesson.doneStatus.waitFor();
    await expect.poll(() => focusedText(page)).toMatch(/^Next: Split the bill \(exercise\)/);
    await page.screenshot({ path: join(SCREENSHOTS, '42-lesson-next-step.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Split the bill' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/exercises/python-foundations/split-the-bill');

    // Home: the lesson is done on the module page, and Continue moved to the exercise started.
    await go(page, '#/modules/python-foundations/first-steps');
    const module = new ModulePage(page);
    await module.markOf('Reading input').filter({ hasText: 'Done' }).waitFor();
    await module.progress.filter({ hasText: /In progress \(1 of 10 done\)/ }).waitFor();
    await go(page, '#/');
    await new ModuleListPage(page).continueLink.filter({ hasText: 'Split the bill' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('after a passed submission (the real sandbox), the next exercise is the focused next step', async () => {
    await new ModuleListPage(page).open(app.url, 'Solver');
    await go(page, '#/exercises/python-foundations/split-the-bill');
    const exercise = new ExercisePage(page);
    await exercise.editor.waitFor();
    await exercise.replaceCode('def split_bill(total_cents, people):\n    return divmod(total_cents, people)\n');
    await exercise.testsStatus.filter({ hasText: /^All \d+ tests pass\.$/ }).waitFor({ timeout: 30_000 });
    await exercise.button('Submit').click();
    await exercise.testsStatus.filter({ hasText: /Well done!$/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => focusedText(page)).toMatch(/^Next: Boxes needed \(exercise\)/);
    await page.screenshot({ path: join(SCREENSHOTS, '43-exercise-next-step.png'), fullPage: true });
    await expectNoSeriousViolations(page, '[data-testid="results"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Boxes needed' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows continue and the marks in the dark theme on a narrow window, readable and without sideways scroll', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const home = new ModuleListPage(page);
    await home.open(app.url, 'Nightowl');
    await go(page, '#/lessons/python-foundations/hello-python');
    const lesson = new LessonPage(page);
    await lesson.waitForLesson('Hello, Python');
    await lesson.markDone.click();
    await lesson.next.filter({ hasText: 'Next: Values and variables (lesson)' }).waitFor();
    await go(page, '#/');
    // Finished what they were on: continue with the step after it.
    await home.continueLink.filter({ hasText: 'Values and variables' }).waitFor();
    expect(await home.continuePanel.innerText()).toContain('this comes next in the course');
    await home
      .progressOf('First steps')
      .filter({ hasText: /In progress \(1 of 10 done\)/ })
      .waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, '44-home-dark-narrow.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    await home.openModule('First steps');
    const module = new ModulePage(page);
    await module.markOf('Hello, Python').filter({ hasText: 'Done' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, '45-module-dark-narrow.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    expect(errors).toEqual([]);
  });
});
