import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { masterFiveDaysAgo } from './support/mastered-skills.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ProgressPage } from './pages/progress-page.js';
import { SettingsPage } from './pages/settings-page.js';

const QUIZ_ITEM = 'python-foundations/fs-print-separator';

/** Three right answers on a skill five days ago, so its first review is due. */
const masterPrintFiveDaysAgo = (dataDir: string, learner: string) =>
  masterFiveDaysAgo(dataDir, learner, [{ item: QUIZ_ITEM, skill: 'python-foundations/print-output' }]);

describe('a spaced review in Chromium', () => {
  const app = appInChromium('e2e-reviews-', { width: 1200, height: 900 });
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    ({ page, errors } = app);
  });

  it('asks a question for the due skill, grades it, rates the recall itself, and shows the forecast and retention', async () => {
    await new ModuleListPage(page).open(app.url, 'Rev');
    await masterPrintFiveDaysAgo(app.dataDir, 'Rev');
    await page.reload();
    const due = page.getByRole('list', { name: 'Reviews due' }).getByRole('listitem');
    await due.first().waitFor();
    const count = await due.count();
    const review = due.filter({ hasText: 'Print' });
    await review.getByRole('button', { name: /^Review / }).click();

    // A question to recall, not a self-rating: no rating buttons while a question exists.
    await expect(review.locator('.quiz-prompt').innerText()).resolves.toContain('What does');
    await expect(review.getByRole('button', { name: 'Good' }).count()).resolves.toBe(0);
    // The reviews panel only: the rest of the home screen is other work's to check.
    await expectNoSeriousViolations(page, '.reviews-due');

    await review.getByRole('radio').nth(3).check();
    await review.getByRole('button', { name: 'Check answer' }).click();
    const feedback = review.getByTestId('review-feedback');
    await feedback.getByText('✓ Right.').waitFor();
    // The app rated it from the answer and its time, and says when the skill comes back.
    await expect(feedback.innerText()).resolves.toMatch(/Right in \d+ s: (Easy|Good)|Right, after \d+ s: Hard/);
    await expect(feedback.innerText()).resolves.toContain('Next review:');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Done');
    await page.screenshot({ path: join(SCREENSHOTS, '40-review-answered.png'), fullPage: true });
    await expectNoSeriousViolations(page, '.reviews-due');
    await review.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => due.count()).toBe(count - 1);

    // Desired retention: refused outside 70-97% in words, saved inside.
    const settings = new SettingsPage(page);
    await settings.open();
    const retention = page.getByLabel('Desired retention');
    await expect(retention.inputValue()).resolves.toBe('90');
    const form = page.getByTestId('desired-retention');
    await retention.fill('99');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert').innerText()).resolves.toContain('Keep it between 70% and 97%.');
    await retention.fill('85');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const session = sessionStorage.getItem('lionlearn.session')!;
          const bridge = (
            window as unknown as {
              learn: { getUserPreferences(i: unknown): Promise<{ ok: boolean; value?: { desiredRetention: number } }> };
            }
          ).learn;
          return (await bridge.getUserPreferences({ session })).value?.desiredRetention;
        }),
      )
      .toBe(0.85);

    const progress = new ProgressPage(page);
    await progress.open();
    const section = page.getByTestId('review-forecast');
    await section.waitFor();
    await expect(progress.stat('Measured retention, last 30 days').innerText()).resolves.toBe('100%');
    await section.getByText('1 of 1 review recalled in the last 30 days; you asked for 85%.').waitFor();
    await expect(progress.stat('Due in the next 30 days').innerText()).resolves.toMatch(/^\d+$/);
    const rows = await progress.tableOf('Reviews due, next 30 days');
    expect(rows).toHaveLength(30);
    const total = rows.reduce((n, [, v]) => n + Number(v), 0);
    await expect(progress.stat('Due in the next 30 days').innerText()).resolves.toBe(String(total));
    await page.screenshot({ path: join(SCREENSHOTS, '41-review-forecast.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    expect(errors).toEqual([]);
  });
});
