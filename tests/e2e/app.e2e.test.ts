import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS, watchForErrors } from './support/browser.js';
import { startProcess, tempDir } from './support/processes.js';
import type { Started } from './support/processes.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ModulePage } from './pages/module-page.js';

// The real browser face (`lionlearn serve`, built) in a separate process, driven by Debian's Chromium.
describe('the app in Chromium', () => {
  let server: Started;
  let appUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startProcess(
      ['bin/lionlearn.js', '--data-dir', tempDir('e2e-data-'), 'serve', '--port', '0'],
      /running at (http:\/\/\S+)/,
    );
    appUrl = server.match[1]!;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    errors = watchForErrors(page);
  });
  afterEach(async () => {
    await page.close();
  });

  it('shows the bundled modules on first start', async () => {
    const list = new ModuleListPage(page);
    await list.open(appUrl);
    expect(await list.moduleTitles()).toEqual(
      expect.arrayContaining(['First steps', 'Decisions and loops', 'Functions']),
    );
    expect(new URL(page.url()).hash).toBe('#/');
    await page.screenshot({ path: join(SCREENSHOTS, '01-modules.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('opens a module and a lesson with rendered Markdown and highlighted code', async () => {
    const list = new ModuleListPage(page);
    await list.open(appUrl);
    await list.openModule('First steps');

    const module = new ModulePage(page);
    await module.heading('First steps').waitFor();
    const lessons = await module.lessonTitles();
    expect(lessons[0]).toBe('Hello, Python');
    await page.screenshot({ path: join(SCREENSHOTS, '02-module.png'), fullPage: true });

    await module.openLesson('Hello, Python');
    const lesson = new LessonPage(page);
    await lesson.waitForLesson('Hello, Python');
    expect(await lesson.highlightedTokens.count()).toBeGreaterThan(0);
    expect(await lesson.previous.count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, '03-lesson.png'), fullPage: true });

    await lesson.next.click();
    await lesson.waitForLesson(lessons[1]!);
    expect(await lesson.previous.count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('moves focus to the new screen, so keyboard users start at the content', async () => {
    const list = new ModuleListPage(page);
    await list.open(appUrl);
    await list.modules.first().focus();
    await page.keyboard.press('Enter');
    await new ModulePage(page).lessons.first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('keeps the access token out of the address bar after the first load', async () => {
    await new ModuleListPage(page).open(appUrl);
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await new ModuleListPage(page).modules.first().waitFor();
  });

  it('tells a visitor without the token what to do instead of failing silently', async () => {
    await page.goto(appUrl.replace(/#.*/, ''));
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Open the link from the terminal');
  });

  it('shows a clear message for a lesson that does not exist', async () => {
    await new ModuleListPage(page).open(appUrl);
    await page.evaluate(() => (location.hash = '#/lessons/python-foundations/no-such-lesson'));
    await expect(page.getByRole('alert').innerText()).resolves.toContain('No installed lesson');
  });
});
