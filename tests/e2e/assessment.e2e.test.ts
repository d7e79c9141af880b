import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { AssessmentPage } from './pages/assessment-page.js';
import { ModuleListPage } from './pages/module-list-page.js';

/** Nothing of how an answer went may show while the test runs. */
const VERDICTS = ['Right', 'Not quite', 'The answer', '✓', '✗', 'mastery'];

describe('an adaptive test in Chromium', () => {
  const app = appInChromium('e2e-assess-', { width: 1200, height: 900 });
  let page: Page;
  let errors: string[];
  beforeEach(() => {
    ({ page, errors } = app);
  });

  it('is started from the module page, answered by keyboard, left, resumed, and ends in a report per skill', async () => {
    await new ModuleListPage(page).open(app.url, 'Tess');
    await new ModuleListPage(page).openModule('Functions');
    await page.getByTestId('assess-link').click();
    const test = new AssessmentPage(page);
    await test.heading('Test yourself: Functions').waitFor();
    await page.getByRole('combobox', { name: 'At most' }).selectOption('10');
    await page.getByRole('combobox', { name: 'Time limit' }).selectOption('30');
    await page.screenshot({ path: join(SCREENSHOTS, '40-assessment-start.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    await test.start.click();

    await test.heading('Functions: adaptive test').waitFor();
    await expect(test.position.innerText()).resolves.toBe('Question 1 of up to 10');
    await expect(test.timeLeft.innerText()).resolves.toMatch(/^Time left: (30:00|29:\d\d)$/);
    // Focus starts on the question, so the keyboard goes on from there: Tab to the answer, Enter saves.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Question 1 of up to 10');
    // (A code example in the prompt takes a Tab stop of its own, so it can scroll by keyboard.)
    const focusedInput = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.tagName === 'INPUT');
    for (let tabs = 0; tabs < 5 && !(await focusedInput()); tabs++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type);
    if (focused === 'radio' || focused === 'checkbox') await page.keyboard.press('Space');
    else await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => test.questionNumber()).toBe(2);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Question 2 of up to 10');
    await page.screenshot({ path: join(SCREENSHOTS, '41-assessment-question.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    const main = await page.locator('main').innerText();
    for (const verdict of VERDICTS) expect(main).not.toContain(verdict);

    await test.answerAny();
    await expect.poll(() => test.questionNumber()).toBe(3);
    // Leave (reload the app) and resume at the same question, from the topic's unfinished tests.
    const url = page.url();
    const asked = await test.item.locator('.quiz-prompt').innerText();
    await page.goto(`${app.url.split('#')[0]}#/assess/python-foundations/functions`);
    await page
      .getByTestId('unfinished-tests')
      .getByRole('link', { name: /Resume the adaptive test/ })
      .click();
    await expect.poll(() => test.questionNumber()).toBe(3);
    expect(page.url()).toBe(url);
    await expect(test.item.locator('.quiz-prompt').innerText()).resolves.toBe(asked);

    // A refused answer says why and saves nothing.
    const choices = test.item.locator('.quiz-choice input');
    if ((await choices.count()) === 0) {
      await test.item.getByRole('textbox').fill('   ');
      await test.save.click();
      await expect(test.item.getByRole('alert').innerText()).resolves.toContain('Write an answer first.');
      await expect.poll(() => test.questionNumber()).toBe(3);
    }

    for (let n = 3; n <= 10 && !(await test.report.isVisible()); n++) {
      await test.answerAny();
      await Promise.race([test.report.waitFor(), page.getByText(`Question ${n + 1} of up to 10`).waitFor()]);
    }
    await test.report.waitFor();
    await expect(test.report.getByRole('heading', { level: 2 }).innerText()).resolves.toMatch(
      /^You got \d+ of \d+ right$/,
    );
    await expect(test.report.innerText()).resolves.toMatch(
      /Your ability estimate is -?\d\.\d\d \(give or take 0\.\d\d\)/,
    );
    await expect(test.report.getByRole('table', { name: 'Your skills, weakest first' }).count()).resolves.toBe(1);
    await expect(test.studyNext.innerText()).resolves.toMatch(/Functions|Nothing to catch up on/);
    // Now every answer shows with its key and explanation.
    const items = test.report.locator('.assessment-items > li');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    await expect(items.first().innerText()).resolves.toContain('Your answer:');
    await page.screenshot({ path: join(SCREENSHOTS, '42-assessment-report.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    // The past test is listed on the topic's screen.
    await page.goto(`${app.url.split('#')[0]}#/assess/python-foundations/functions`);
    await expect(page.getByTestId('past-tests').innerText()).resolves.toMatch(/\d+ of \d+ right/);
    expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
  });

  it('starts a pack’s test from home, reads in the dark theme on a narrow window, and is handed in early', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await new ModuleListPage(page).open(app.url, 'Noor');
    await page.getByTestId('pack-test-link').filter({ hasText: 'Python' }).first().click();
    const test = new AssessmentPage(page);
    await test.heading(/^Test yourself: /).waitFor();
    await test.start.click();
    await expect.poll(() => test.questionNumber()).toBe(1);
    await test.answerAny();
    await expect.poll(() => test.questionNumber()).toBe(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, '43-assessment-dark-narrow.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    await test.handIn.click();
    const dialog = page.getByRole('dialog', { name: 'Hand in the test?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Hand in' }).click();
    await test.report.waitFor();
    await expect(test.report.getByRole('heading', { level: 2 }).innerText()).resolves.toMatch(
      /^You got [01] of 1 right$/,
    );
    await expect(test.report.innerText()).resolves.toContain('The test ended because you handed it in.');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wide).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, '44-assessment-report-dark-narrow.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    expect(errors).toEqual([]);
  });
});
