import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { quizFileSchema } from '../../content-packs/format/manifest.js';
import type { QuizItem } from '../../content-packs/format/manifest.js';
import { writeQuizPackFixture } from '../../main/core/assessment/testing/quiz-fixture.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { ROOT, runCli, tempDir } from './support/processes.js';
import { AdminDialog } from './pages/admin-dialog.js';
import { CatalogPage } from './pages/catalog-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { QuizPage } from './pages/quiz-page.js';
import { SearchBox } from './pages/search-box.js';

const items = quizFileSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'content-packs/python-foundations/quizzes/functions.json'), 'utf8')),
);

/** Answers an item rightly, the way a learner would in the page. */
async function answerRight(quiz: QuizPage, item: QuizItem): Promise<void> {
  if (item.kind === 'choice') await quiz.answerChoices([item.answer].flat());
  else if (item.kind === 'numeric') await quiz.answerText(String(item.answer));
  else if (item.kind === 'short') await quiz.answerText(item.answers[0]!);
  else throw new Error('the functions quiz has no code item: the sandbox e2e answers those');
}

describe('a module quiz in Chromium', () => {
  const app = appInChromium('e2e-quiz-', { width: 1200, height: 900 });
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    ({ page, errors } = app);
  });

  it('takes the quiz from the module page: a wrong answer, a right one, the summary, then a retry of the missed item', async () => {
    await new ModuleListPage(page).open(app.url, 'Quin');
    await new ModuleListPage(page).openModule('Functions');
    await page.getByTestId('quiz-link').click();
    const quiz = new QuizPage(page);
    await quiz.heading('Functions: quiz').waitFor();
    await expect(quiz.position.innerText()).resolves.toBe(`Question 1 of ${items.length}`);
    await expect(quiz.item.getByRole('progressbar', { name: `Question 1 of ${items.length}` }).count()).resolves.toBe(
      1,
    );

    // A blank answer is refused in words, and nothing is graded.
    await quiz.answerText('   ');
    await expect(quiz.problem.innerText()).resolves.toContain('Write an answer first.');
    await expect(quiz.feedback.innerText()).resolves.toBe('');

    const [first, second, ...rest] = items;
    await quiz.answerText('8');
    const wrong = await quiz.verdict();
    expect(wrong).toContain('✗ Not quite. The answer: None');
    expect(wrong).toContain(first!.explanation.slice(0, 40));
    // Feedback moves focus to the next step, so a keyboard user goes on with Enter.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Next question');
    await page.screenshot({ path: join(SCREENSHOTS, '30-quiz-wrong-answer.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Enter');

    await expect(quiz.position.innerText()).resolves.toBe(`Question 2 of ${items.length}`);
    await answerRight(quiz, second!);
    await expect(quiz.verdict()).resolves.toContain('✓ Right.');
    await page.screenshot({ path: join(SCREENSHOTS, '31-quiz-right-answer.png'), fullPage: true });
    await quiz.next.click();

    // The third item is a choice: answered with the keyboard alone (Tab to the choices, arrows, Enter).
    const third = rest.shift()!;
    expect(third.kind).toBe('choice');
    await quiz.item.locator('.quiz-choice input').first().focus();
    const target = [third.kind === 'choice' ? third.answer : 0].flat()[0]!;
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    if (target === 0) await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(quiz.verdict()).resolves.toContain('✓ Right.');
    await page.keyboard.press('Enter');

    for (const item of rest) {
      await answerRight(quiz, item);
      await expect(quiz.verdict()).resolves.toContain('✓ Right.');
      await quiz.next.click();
    }
    await quiz.summary.waitFor();
    await expect(quiz.summary.getByRole('heading').innerText()).resolves.toBe(
      `You got ${items.length - 1} of ${items.length} right`,
    );
    // The quiz ends its module: the next module's first lesson is the focused next step.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Next: .+ \(lesson\)/);
    await page.screenshot({ path: join(SCREENSHOTS, '32-quiz-summary.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    await quiz.retryMissed().click();
    await quiz.heading('Functions: retry missed items').waitFor();
    await expect(quiz.position.innerText()).resolves.toBe('Question 1 of 1');
    await answerRight(quiz, first!);
    await expect(quiz.verdict()).resolves.toContain('✓ Right.');
    await quiz.next.click();
    await expect(quiz.summary.getByRole('heading').innerText()).resolves.toBe('You got 1 of 1 right');
    await expect(quiz.retryMissed().count()).resolves.toBe(0);

    // The answers count toward the learner's progress, graded by the app.
    await page.goto(`${app.url.split('#')[0]}#/progress`);
    await expect(
      page.locator('.stat').filter({ hasText: 'Quiz answers right' }).locator('dd').innerText(),
    ).resolves.toBe(String(items.length));
    // The only failed request is the blank answer the core refused (400, invalid input).
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  it('opens the quiz at the item a search hit names', async () => {
    await new ModuleListPage(page).open(app.url, 'Sam');
    const item = items.find((i) => i.id === 'fn-mutable-default')!;
    const search = new SearchBox(page);
    await search.type('bag.append');
    const hit = search.hits.filter({ has: page.locator('.search-kind', { hasText: 'quiz' }) }).first();
    await hit.click();
    const quiz = new QuizPage(page);
    await quiz.heading('Functions: quiz').waitFor();
    expect(page.url()).toContain(`#/quiz/python-foundations/functions?item=`);
    await expect(quiz.prompt()).resolves.toContain(item.prompt.split('\n')[0]);
    await expect(quiz.position.innerText()).resolves.toBe(`Question ${items.indexOf(item) + 1} of ${items.length}`);
    expect(errors).toEqual([]);
  });

  it('grades a choose-all-that-apply item, a number within its tolerance and a short answer typed another way', async () => {
    // A pack with one item of every kind, built, signed and imported as an admin would.
    const keys = tempDir('e2e-quiz-keys-');
    expect((await runCli(['pack', 'keygen', '--out', keys])).code).toBe(0);
    const file = join(tempDir('e2e-quiz-lpack-'), 'demo.lpack');
    const source = join(writeQuizPackFixture(), 'demo');
    expect((await runCli(['pack', 'build', source, '--key', join(keys, 'pack-signing.key'), '--out', file])).code).toBe(
      0,
    );
    await new ModuleListPage(page).open(app.url, 'Kim');
    const settings = new SettingsPage(page);
    await settings.open();
    // Trusting a key and installing are a machine admin's: set the password, which unlocks.
    const admin = new AdminDialog(page);
    await admin.openWith('Set an admin password');
    await admin.setPassword('quiz e2e admin');
    await settings.trustKey('Quiz authors', readFileSync(join(keys, 'pack-signing.pub'), 'utf8'));
    const catalog = new CatalogPage(page);
    await catalog.open();
    await catalog.importFile(file);
    await expect(catalog.success.innerText()).resolves.toContain('Installed demo 1.0.0');

    await page.goto(`${app.url.split('#')[0]}#/quiz/demo/loops?item=demo/falsy-values`);
    const quiz = new QuizPage(page);
    await quiz.heading('Loops: quiz').waitFor();
    await expect(quiz.item.getByRole('group', { name: 'Choose all that apply' }).count()).resolves.toBe(1);
    await expect(quiz.item.getByRole('checkbox').count()).resolves.toBe(4);
    // Two of the three right choices are not enough.
    await quiz.answerChoices([0, 2]);
    const verdict = await quiz.verdict();
    expect(verdict).toContain('✗ Not quite. The answer: A. 0 and C. [] and D. None');
    await expect(quiz.item.locator('.quiz-choice.right').count()).resolves.toBe(3);
    await page.screenshot({ path: join(SCREENSHOTS, '34-quiz-multiple-choice.png'), fullPage: true });
    await quiz.next.click();

    await quiz.answerText('3');
    await expect(quiz.verdict()).resolves.toContain('✓ Right.');
    await quiz.next.click();
    await quiz.answerText('0.54');
    await expect(quiz.verdict()).resolves.toContain('✓ Right.');
    await quiz.next.click();
    await quiz.answerText('`None`');
    await expect(quiz.verdict()).resolves.toContain('✓ Right.');
    await quiz.next.click();
    await quiz.answerText('CAFE\u0301');
    await expect(quiz.verdict()).resolves.toContain('✓ Right.');
    await quiz.next.click();
    await expect(quiz.summary.getByRole('heading').innerText()).resolves.toBe('You got 4 of 5 right');
    expect(errors).toEqual([]);
  });

  it('reads in the dark theme on a narrow window', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await new ModuleListPage(page).open(app.url, 'Dee');
    await page.goto(`${app.url.split('#')[0]}#/quiz/python-foundations/functions`);
    const quiz = new QuizPage(page);
    await quiz.heading('Functions: quiz').waitFor();
    await quiz.answerText('None.');
    await expect(quiz.verdict()).resolves.toContain('✓ Right.');
    // Nothing runs off the side of a narrow window.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, '33-quiz-dark-narrow.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
