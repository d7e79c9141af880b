import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { runCli } from './support/processes.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ModulePage } from './pages/module-page.js';
import { ProfilePickerPage } from './pages/profile-picker-page.js';
import { ProgressPage } from './pages/progress-page.js';

// One lab machine, several learners: the real browser face in its own process, driven by Chromium.
describe('profiles and progress in Chromium', () => {
  const app = appInChromium('e2e-learners-', { width: 1200, height: 900 });
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    ({ page, errors } = app);
  });

  it('starts with the profile picker, makes a profile with a PIN, and tracks a lesson to the progress charts', async () => {
    await page.goto(app.url);
    const picker = new ProfilePickerPage(page);
    await picker.heading.waitFor();
    await page.getByText('No profiles on this machine yet').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '07-profile-new.png'), fullPage: true });
    await picker.create('Ada', { pin: '2468', avatar: 'fox', goal: 'Write my first agent' });
    await expect(page.locator('.who').innerText()).resolves.toContain('Ada');
    // The home screen starts with a recommendation and its reason.
    await expect(page.getByTestId('up-next-reason').innerText()).resolves.toMatch(/Next in the course|first/);

    const list = new ModuleListPage(page);
    await list.openModule('First steps');
    const module = new ModulePage(page);
    await module.openLesson('Hello, Python');
    const lesson = new LessonPage(page);
    await lesson.waitForLesson('Hello, Python');
    await page.getByRole('button', { name: 'Mark lesson as done' }).click();
    await page.getByRole('status').filter({ hasText: 'Done on' }).waitFor();

    const progress = new ProgressPage(page);
    await progress.open();
    await expect(progress.stat('Lessons done').innerText()).resolves.toBe('1');
    await expect(progress.stat('Streak').innerText()).resolves.toBe('1 day');
    await page.getByRole('link', { name: 'Hello, Python' }).waitFor();
    // Two of the summary (completion, mastery) and four of the analytics (calendar, minutes, accuracy, mastery over time).
    await expect.poll(() => progress.charts.count()).toBe(6);
    await expect(
      progress.chart('Completion by module').locator('svg .recharts-bar-rectangle').count(),
    ).resolves.toBeGreaterThan(0);
    const completion = await progress.tableOf('Completion by module');
    expect(completion.find(([label]) => label === 'First steps')?.[1]).toMatch(/^\d+%$/);
    await expect(page.getByRole('progressbar').first().getAttribute('value')).resolves.toBe('1');
    await page.screenshot({ path: join(SCREENSHOTS, '08-progress.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("keeps learners apart: a second learner sees none of the first one's progress", async () => {
    await page.goto(app.url);
    const picker = new ProfilePickerPage(page);
    await picker.profiles.first().waitFor();
    await picker.create('Bob');
    const progress = new ProgressPage(page);
    await progress.open();
    await page.getByText('Nothing here yet').waitFor();
    await expect(progress.stat('Lessons done').innerText()).resolves.toBe('0');
  });

  it('refuses a wrong PIN with a clear message and opens with the right one, by keyboard alone', async () => {
    await page.goto(app.url);
    const picker = new ProfilePickerPage(page);
    await picker.profiles.first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '09-profile-picker.png'), fullPage: true });
    // Avatars are drawings, not emoji: they show without an emoji font.
    await expect(picker.profiles.filter({ hasText: 'Ada' }).locator('svg.avatar-image').count()).resolves.toBe(1);
    // Tab to Ada's button (focus starts on the first profile) and press Enter.
    for (let i = 0; i < 10; i++) {
      if ((await page.evaluate(() => document.activeElement?.textContent ?? '')).includes('Ada')) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await expect(picker.alert.innerText()).resolves.toContain('That PIN is not right');
    // A short PIN gets our own sentence, tied to the field, not the browser's generic one.
    const field = page.getByRole('form', { name: 'PIN for Ada' }).locator('input');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    const described = await field.getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    await expect(page.locator(`[id="${described}"]`).innerText()).resolves.toBe(
      'A PIN is at least 4 digits; this one has 2.',
    );
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoSeriousViolations(page);
    // Three more wrong PINs lock the profile: the wait counts down live and Open comes back at 0.
    for (let i = 0; i < 3; i++) {
      await field.fill('1111');
      await page.keyboard.press('Enter');
      await page.getByText(/That PIN is not right/).waitFor();
      if (i < 2) await page.getByRole('button', { name: 'Open' }).and(page.locator(':enabled')).waitFor();
    }
    const timer = page.getByRole('timer');
    await expect(timer.innerText()).resolves.toMatch(/^Try again in [45] seconds\.$/);
    await expect(page.getByRole('button', { name: 'Open' }).isDisabled()).resolves.toBe(true);
    await expectNoSeriousViolations(page);
    await page.getByText('Try again in 2 seconds.').waitFor();
    await page.getByRole('status').filter({ hasText: 'You can try again now.' }).waitFor();
    await expect(page.getByRole('button', { name: 'Open' }).isEnabled()).resolves.toBe(true);
    await expect(timer.count()).resolves.toBe(0);
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await expect(page.locator('.who').innerText()).resolves.toContain('Ada');
  });

  it('applies a theme preference, and the CLI sees the same learners and progress', async () => {
    await new ModuleListPage(page).open(app.url, 'Bob');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const listed = await runCli(['--data-dir', app.dataDir, 'learner', 'list', '--json']);
    expect(JSON.parse(listed.stdout).map((l: { displayName: string }) => l.displayName)).toEqual(['Ada', 'Bob']);
  });

  it('shows the learning path on the home screen: next step highlighted, done ticked, locked saying why', async () => {
    const list = new ModuleListPage(page);
    await list.open(app.url, 'Pat');
    await expect(list.pathStep('next').innerText()).resolves.toContain('Hello, Python');
    await expect(list.pathStep('next').getAttribute('aria-current')).resolves.toBe('step');
    await expect(list.pathStep('locked').first().innerText()).resolves.toMatch(/Locked:\s.*Waits for “/s);
    // Done through the same bridge the app uses, then back home.
    await page.evaluate(async () => {
      const session = sessionStorage.getItem('lionlearn.session')!;
      const bridge = (window as unknown as { learn: { trackProgress(i: unknown): Promise<unknown> } }).learn;
      const lessonId = 'python-foundations/hello-python';
      await bridge.trackProgress({
        session,
        event: { type: 'LessonCompleted', data: { lessonId, timeSpentMs: 1000 } },
      });
    });
    await page.reload();
    await expect(list.pathStep('done').first().innerText()).resolves.toMatch(/✓\s*Done:\s*Hello, Python/);
    await expect(list.pathStep('next').innerText()).resolves.not.toContain('Hello, Python');
    await page.getByText('Since last time: 1 step done.').waitFor();
    await page.getByTestId('learning-path').screenshot({ path: join(SCREENSHOTS, '20-learning-path.png') });
    // The next step's link is reachable by keyboard.
    await list.pathStep('next').getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/lessons\//);
  });

  it('lets a learner set the target band in the settings, refusing one upside down', async () => {
    await new ModuleListPage(page).open(app.url, 'Bob');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const band = page.getByTestId('target-band');
    await band.getByLabel('At least').fill('90');
    await band.getByLabel('At most').fill('80');
    await band.getByRole('button', { name: 'Save' }).click();
    await expect(band.getByRole('alert').innerText()).resolves.toBe('The lowest share must be below the highest.');
    await band.getByLabel('At least').fill('60');
    await band.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => band.getByRole('alert').count()).toBe(0);
    await band.screenshot({ path: join(SCREENSHOTS, '21-target-band.png') });
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const session = sessionStorage.getItem('lionlearn.session')!;
          const bridge = (window as unknown as { learn: { getUserPreferences(i: unknown): Promise<unknown> } }).learn;
          return bridge.getUserPreferences({ session });
        }),
      )
      .toMatchObject({ ok: true, value: { targetSuccess: { low: 0.6, high: 0.8 } } });
  });
});
