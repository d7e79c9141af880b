import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ModulePage } from './pages/module-page.js';

// The real browser face (`lionlearn serve`, built) in a separate process, driven by Debian's Chromium.
describe('the app in Chromium', () => {
  const app = appInChromium('e2e-data-', { width: 1200, height: 800 });
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    ({ page, errors } = app);
  });

  it('shows the bundled modules on first start', async () => {
    const list = new ModuleListPage(page);
    await list.open(app.url);
    expect(await list.moduleTitles()).toEqual(
      expect.arrayContaining(['First steps', 'Decisions and loops', 'Functions']),
    );
    expect(new URL(page.url()).hash).toBe('#/');
    await page.screenshot({ path: join(SCREENSHOTS, '01-modules.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('opens a module and a lesson with rendered Markdown and highlighted code', async () => {
    const list = new ModuleListPage(page);
    await list.open(app.url);
    await list.openModule('First steps');

    const module = new ModulePage(page);
    await module.heading('First steps').waitFor();
    const lessons = await module.lessonTitles();
    expect(lessons[0]).toBe('Hello, Python');
    await page.screenshot({ path: join(SCREENSHOTS, '02-module.png'), fullPage: true });

    await module.openLesson('Hello, Python');
    const lesson = new LessonPage(page);
    await lesson.waitForLesson('Hello, Python');
    await expect.poll(() => lesson.highlightedTokens.count()).toBeGreaterThan(0);
    await expect.poll(() => lesson.previous.count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, '03-lesson.png'), fullPage: true });

    await lesson.next.click();
    await lesson.waitForLesson(lessons[1]!);
    await expect.poll(() => lesson.previous.count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('moves focus to the new screen, so keyboard users start at the content', async () => {
    const list = new ModuleListPage(page);
    await list.open(app.url);
    await list.modules.first().focus();
    await page.keyboard.press('Enter');
    await new ModulePage(page).lessons.first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('keeps the access token out of the address bar after the first load', async () => {
    await new ModuleListPage(page).open(app.url);
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await new ModuleListPage(page).modules.first().waitFor();
  });

  it('tells a visitor without the token what to do instead of failing silently', async () => {
    await page.goto(app.url.replace(/#.*/, ''));
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Open the link from the terminal');
  });

  it('shows a clear message for a lesson that does not exist', async () => {
    await new ModuleListPage(page).open(app.url);
    await page.evaluate(() => (location.hash = '#/lessons/python-foundations/no-such-lesson'));
    await expect(page.getByRole('alert').innerText()).resolves.toContain('No installed lesson');
  });
});
