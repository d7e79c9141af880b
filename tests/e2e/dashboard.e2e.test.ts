import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../main/core/classroom/csv-records.js';
import { englishLeftIn } from '../../sync-server/testing/english-phrases.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import type { AppInChromium } from './support/app-in-chromium.js';
import { launchChromium, SCREENSHOTS, watchForErrors } from './support/browser.js';
import { callServer, PASSWORD, startClassServer } from './support/class-server.js';
import type { Started } from './support/processes.js';
import { AssignmentsPanel } from './pages/classroom-pages.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ProgressPage } from './pages/progress-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { SyncSettingsPage } from './pages/sync-settings-page.js';

const LESSON = 'Hello, Python';

/** A table of the dashboard page as text cells, row by row (the header row included). */
const tableCells = (page: Page, name: string) =>
  page
    .locator(`#table-${name} tr`)
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent!.trim())));

// A class server and two learners' apps (the real browser face, each its own process): a teacher's class has a
// lesson assigned, Ada joins, completes it and syncs, Bo joins and does nothing. The teacher then opens the
// dashboard page in Chromium: its numbers must equal what each learner's own app shows.
describe("the teacher's dashboard in Chromium", () => {
  const ada = appInChromium('e2e-dash-ada-');
  const bo = appInChromium('e2e-dash-bo-');
  let server: Started;
  let serverUrl: string;
  let joinCode = '';
  let browser: Browser;
  /** What Ada's own app showed: lessons done, and the module's completion percent. */
  const adaSaw = { lessons: '', moduleTitle: '', modulePercent: '' };

  beforeAll(async () => {
    const classServer = await startClassServer('e2e-dash-server-');
    ({ server, url: serverUrl } = classServer);
    await classServer.register('ms.t@school.example', 'Ms T', 'teacher');
    await classServer.register('ada@school.example', 'Ada');
    await classServer.register('bo@school.example', 'Bo');
    const teacherToken = await classServer.signIn('ms.t@school.example');
    const made = await callServer(`${serverUrl}/classes`, { name: 'Python 1' }, teacherToken);
    const classId = String(made.id);
    joinCode = String(made.joinCode);
    await callServer(
      `${serverUrl}/classes/${classId}/assignments`,
      {
        kind: 'lesson',
        packId: 'python-foundations',
        itemId: 'python-foundations/hello-python',
        title: LESSON,
        dueAt: Date.now() + 2 * 86_400_000,
      },
      teacherToken,
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  /** Signs the app in to the class server, joins the class, and returns home's Assignments panel. */
  async function joinClass(app: AppInChromium, name: string, email: string) {
    const { page } = app;
    await new ModuleListPage(page).open(app.url, name);
    await new SettingsPage(page).open();
    const sync = new SyncSettingsPage(page);
    await sync.link(serverUrl, email, PASSWORD);
    await sync.waitForStatus(`Synced with ${serverUrl}`);
    const panel = new AssignmentsPanel(page);
    await panel.goHome();
    await panel.join(joinCode);
    await panel.section.getByRole('status').filter({ hasText: 'You joined Python 1.' }).waitFor();
    return panel;
  }

  /** Syncs now and waits until the server has confirmed every change. */
  async function syncAll(page: Page) {
    await new SettingsPage(page).open();
    const sync = new SyncSettingsPage(page);
    await sync.syncNowButton.click();
    await expect.poll(() => sync.pending(), { timeout: 20_000 }).toBe(0);
  }

  it('Ada joins, completes the assigned lesson and syncs; her app counts it', async () => {
    const { page } = ada;
    const panel = await joinClass(ada, 'Ada', 'ada@school.example');
    await panel.item(LESSON).getByRole('link', { name: LESSON }).click();
    await new LessonPage(page).waitForLesson(LESSON);
    await page.getByRole('button', { name: 'Mark lesson as done' }).click();
    await page.getByRole('status').filter({ hasText: 'Done on' }).waitFor();
    await panel.goHome();
    await expect.poll(() => panel.item(LESSON).innerText()).toMatch(/Done/);
    await syncAll(page);

    const progress = new ProgressPage(page);
    await progress.open();
    adaSaw.lessons = (await progress.stat('Lessons done').innerText()).trim();
    const rows = await progress.tableOf('Completion by module');
    expect(rows).toHaveLength(1);
    adaSaw.moduleTitle = rows[0]![0]!;
    adaSaw.modulePercent = rows[0]![1]!.replace(/\s/g, '');
    expect(adaSaw.lessons).toBe('1');
    expect(adaSaw.modulePercent).toMatch(/^\d+%$/);
    expect(ada.errors).toEqual([]);
  });

  it('Bo joins and does nothing; his app shows the lesson not started', async () => {
    const { page } = bo;
    const panel = await joinClass(bo, 'Bo', 'bo@school.example');
    await expect(panel.item(LESSON).innerText()).resolves.toMatch(/Not started/);
    await syncAll(page);
    expect(bo.errors).toEqual([]);
  });

  it('the teacher signs in to the dashboard page: the numbers equal the apps, Bo is stuck, CSV and detail agree', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    try {
      await page.goto(`${serverUrl}/dashboard`);
      await page.getByRole('heading', { level: 1, name: 'Class dashboard' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, '70-dashboard-sign-in.png') });
      await expectNoSeriousViolations(page);

      // Keyboard only: the sign-in form is reachable and sends with Enter.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
      await page.keyboard.type('ms.t@school.example');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Python 1' }).waitFor();

      // One learner's detail opens from the learners table, by keyboard, and takes the focus: Ada's numbers as
      // her app showed them, her module's share of items done, and no sign of being stuck.
      const opener = page.getByRole('button', { name: 'Ada: details' });
      await opener.focus();
      await page.keyboard.press('Enter');
      const detail = page.getByRole('region', { name: 'Ada', exact: true });
      await detail.waitFor();
      await expect.poll(() => detail.evaluate((el) => el === document.activeElement)).toBe(true);
      const stat = (label: string) => detail.locator('dt', { hasText: label }).locator('+ dd').innerText();
      await expect(stat('Lessons done')).resolves.toBe(adaSaw.lessons);
      await expect(detail.getByText('Nothing suggests Ada is stuck.').count()).resolves.toBe(1);
      const adaModules = await tableCells(page, 'detail-modules');
      expect(adaModules).toHaveLength(2);
      const [title, done, items, share] = adaModules[1]!;
      expect(`${share}%`).toBe(adaSaw.modulePercent);
      expect(title).toBe(adaSaw.moduleTitle);
      await page.screenshot({ path: join(SCREENSHOTS, '71-dashboard-learner-detail.png'), fullPage: true });
      await expectNoSeriousViolations(page);

      // Completion per module for the class: one learner started, the average over two learners.
      const modules = await tableCells(page, 'modules');
      const moduleRow = modules.find((r) => r[0] === title)!;
      expect(moduleRow.slice(1)).toEqual([
        items,
        '1',
        '0',
        String(Math.round((100 * Number(done)) / (2 * Number(items)))),
      ]);

      // Close gives the focus back to the button that opened the detail.
      await detail.getByRole('button', { name: /^Close/ }).click();
      await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('#learner-detail').isVisible()).toBe(false);

      // Per learner: lessons done as each app counted them, the assignment's status as each home showed it.
      const learners = await tableCells(page, 'learners');
      expect(learners.find((r) => r[0] === 'Ada')?.[1]).toBe(adaSaw.lessons);
      expect(learners.find((r) => r[0] === 'Bo')?.[1]).toBe('0');
      const assignments = await tableCells(page, 'assignments');
      const header = assignments[0]!;
      const row = assignments.find((r) => r[0] === LESSON)!;
      expect(row[header.indexOf('Ada')]).toBe('done');
      expect(row[header.indexOf('Bo')]).toBe('not started');
      expect(row[header.indexOf('Done')]).toBe('1 of 2');

      // Who is stuck: Bo, who has made no progress; Ada is not listed.
      const alerts = page.getByRole('list', { name: 'Learners who may be stuck' });
      await expect(alerts.innerText()).resolves.toMatch(/Bo: no progress yet/);
      await page.getByText('No answers or submissions yet.').waitFor();
      const stuck = await tableCells(page, 'stuck');
      expect(stuck.map((r) => r[0])).toEqual(['Learner', 'Bo']);

      // CSV export: the modules table downloads and parses to the same numbers.
      const exportButton = page.getByRole('button', { name: 'Download CSV of Completion per module' });
      const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
      expect(download.suggestedFilename()).toBe('modules.csv');
      const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
      expect(csv[0]).toEqual(modules[0]);
      expect(csv.find((r) => r[0] === moduleRow![0])).toEqual(moduleRow);

      // Keyboard: every main control is reachable with Tab.
      const reached = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        reached.add(
          await page.evaluate(() => {
            const el = document.activeElement!;
            return el.getAttribute('aria-label') ?? (el.id || (el as HTMLElement).dataset.export || el.tagName);
          }),
        );
      }
      for (const control of [
        'class-picker',
        'print',
        'sign-out',
        'learners',
        'modules',
        'assignments',
        'Ada: details',
      ]) {
        expect(reached).toContain(control);
      }

      await page.screenshot({ path: join(SCREENSHOTS, '72-dashboard-light.png'), fullPage: true });
      await expectNoSeriousViolations(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SCREENSHOTS, '73-dashboard-dark.png'), fullPage: true });
      await expectNoSeriousViolations(page);
      await page.setViewportSize({ width: 360, height: 800 });
      await page.screenshot({ path: join(SCREENSHOTS, '74-dashboard-narrow-dark.png'), fullPage: true });
      await expectNoSeriousViolations(page);
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      await page.setViewportSize({ width: 1000, height: 900 });
      expect(await page.locator('#actions').isVisible()).toBe(false);
      await page.screenshot({ path: join(SCREENSHOTS, '75-dashboard-print.png'), fullPage: true });
      await expectNoSeriousViolations(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it('a German browser gets the whole dashboard in German: no English phrase on the page, axe clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    try {
      await page.goto(`${serverUrl}/dashboard`);
      await page.getByRole('heading', { level: 1, name: 'Klassenübersicht' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      await page.getByLabel('E-Mail').fill('ms.t@school.example');
      await page.getByLabel('Passwort').fill('wrong password');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('status').filter({ hasText: 'E-Mail oder Passwort falsch.' }).waitFor();
      await page.getByLabel('Passwort').fill(PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('heading', { level: 2, name: 'Python 1' }).waitFor();
      await page.getByRole('button', { name: 'Ada: Einzelheiten' }).click();
      await page.getByRole('region', { name: 'Ada', exact: true }).waitFor();

      // Everything a reader meets: the visible text and the names only a screen reader speaks.
      const readable = await page.evaluate(() =>
        [
          document.title,
          document.body.innerText,
          ...Array.from(document.querySelectorAll('[aria-label]'), (el) => el.getAttribute('aria-label')),
          ...Array.from(document.querySelectorAll('.visually-hidden'), (el) => el.textContent),
        ].join('\n'),
      );
      expect(englishLeftIn(readable, 'dash-')).toEqual([]);
      const assignments = await tableCells(page, 'assignments');
      const header = assignments[0]!;
      const row = assignments.find((r) => r[0] === LESSON)!;
      expect([row[header.indexOf('Art')], row[header.indexOf('Bo')], row[header.indexOf('Erledigt')]]).toEqual([
        'Lektion',
        'nicht begonnen',
        '1 von 2',
      ]);
      await page.screenshot({ path: join(SCREENSHOTS, '76-dashboard-german.png'), fullPage: true });
      await expectNoSeriousViolations(page);
      // The one refused sign-in above, which Chromium logs; nothing else.
      expect(errors).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    } finally {
      await context.close();
    }
  });
});
