import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { startProcess, tempDir } from './support/processes.js';
import type { Started } from './support/processes.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ModulePage } from './pages/module-page.js';
import { ProgressPage } from './pages/progress-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { SyncSettingsPage } from './pages/sync-settings-page.js';

const EMAIL = 'ada@school.example';
const PASSWORD = 'correct horse battery';
const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:(\d+))/;

/** A refused sign-in is an HTTP error, which Chromium logs as a failed resource; anything else is a bug. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 403/.test(e));

async function settingsOf(page: Page, url: string): Promise<SyncSettingsPage> {
  await new ModuleListPage(page).open(url, 'Ada');
  await new SettingsPage(page).open();
  const sync = new SyncSettingsPage(page);
  await sync.status.waitFor();
  return sync;
}

/** Opens a lesson of "First steps" from the home screen. */
async function openLesson(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Modules' }).click();
  await new ModuleListPage(page).openModule('First steps');
  await new ModulePage(page).openLesson(title);
  await new LessonPage(page).waitForLesson(title);
}

async function completeLesson(page: Page, title: string): Promise<void> {
  await openLesson(page, title);
  await page.getByRole('button', { name: 'Mark lesson as done' }).click();
  await page.getByRole('status').filter({ hasText: 'Done on' }).waitFor();
}

// Two devices of one learner, each the real browser face in its own process driven by Chromium,
// and the real sync server in a third, stopped and started again on the same data dir and port.
describe('the Sync section of Settings in Chromium', () => {
  const laptop = appInChromium('e2e-sync-laptop-');
  const desktop = appInChromium('e2e-sync-desktop-');
  const serverDir = tempDir('e2e-sync-server-');
  let server: Started;
  let serverUrl: string;
  let port: string;

  const startServer = async (onPort: string) => {
    server = await startProcess(['dist/sync-server/server.js', '--port', onPort, '--data-dir', serverDir], LISTENING);
    [, serverUrl, port] = server.match as unknown as [string, string, string];
  };

  beforeAll(async () => {
    await startServer('0');
    const registered = await fetch(`${serverUrl}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD, displayName: 'Ada' }),
    });
    expect(registered.status).toBe(201);
  });
  afterAll(() => server?.stop());

  it('links by keyboard alone: a wrong password is refused with an alert, the right one reaches synced', async () => {
    const { page } = laptop;
    const sync = await settingsOf(page, laptop.url);
    await expect(sync.status.innerText()).resolves.toBe('Not linked: your progress stays on this machine.');

    // Tab from the top of the screen to the first field of the form, then on through it.
    for (let i = 0; i < 40 && !(await sync.isFocused(sync.serverAddress)); i++) await page.keyboard.press('Tab');
    expect(await sync.isFocused(sync.serverAddress)).toBe(true);
    await page.keyboard.type(serverUrl);
    await page.keyboard.press('Tab');
    expect(await sync.isFocused(sync.email)).toBe(true);
    await page.keyboard.type(EMAIL);
    await page.keyboard.press('Tab');
    expect(await sync.isFocused(sync.password)).toBe(true);
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');

    await sync.alert.waitFor();
    await expect(sync.alert.innerText()).resolves.toBe(
      'That email and password do not match an account on this server.',
    );
    await expect(sync.status.innerText()).resolves.toBe('Not linked: your progress stays on this machine.');
    await page.screenshot({ path: join(SCREENSHOTS, '22-sync-wrong-password.png'), fullPage: true });

    // Still in the password field: type it again and press Enter.
    expect(await sync.isFocused(sync.password)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    await sync.waitForStatus(`Synced with ${serverUrl}`);
    await expect(sync.alert.count()).resolves.toBe(0);
    // The form is gone with the field that had focus; focus goes on to the first new control.
    await expect.poll(() => sync.isFocused(sync.syncNowButton)).toBe(true);
    await expect(sync.unlinkButton.isEnabled()).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, '23-sync-linked.png'), fullPage: true });
    expect(unexpected(laptop.errors)).toEqual([]);
  });

  it('sends a completed lesson: the status comes back to synced with nothing left to send', async () => {
    const { page } = laptop;
    await new ModuleListPage(page).open(laptop.url, 'Ada');
    await completeLesson(page, 'Hello, Python');

    await new SettingsPage(page).open();
    const sync = new SyncSettingsPage(page);
    await sync.waitForStatus(`Synced with ${serverUrl}`);
    await expect(sync.pending()).resolves.toBe(0);
    expect(laptop.errors).toEqual([]);
  });

  it('shows offline while the server is down, keeps the changes made meanwhile, and syncs them when it is back', async () => {
    const { page } = laptop;
    const sync = await settingsOf(page, laptop.url);
    await sync.waitForStatus('Synced');

    await server.stop();
    // Pushed to the open screen: no reload.
    await sync.waitForStatus(/^Offline: /);

    await completeLesson(page, 'Values and variables');

    await new SettingsPage(page).open();
    // Each retry shows "Syncing…" while it tries; between them it is offline, with the changes waiting.
    await sync.waitForStatus(/^Offline: .* Trying again on its own\. [1-9]\d* changes? not sent yet\.$/);
    await expect(sync.pending()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, '24-sync-offline.png'), fullPage: true });

    await startServer(port);
    await sync.syncNowButton.press('Enter');
    await sync.waitForStatus(`Synced with ${serverUrl}`);
    await expect(sync.pending()).resolves.toBe(0);
    expect(laptop.errors).toEqual([]);
  });

  it('brings both lessons to a second device linked to the same account', async () => {
    const { page } = desktop;
    const sync = await settingsOf(page, desktop.url);
    await sync.link(serverUrl, EMAIL, PASSWORD);
    await sync.waitForStatus(`Synced with ${serverUrl}`);
    await page.screenshot({ path: join(SCREENSHOTS, '25-sync-second-device.png'), fullPage: true });

    const progress = new ProgressPage(page);
    await progress.open();
    await expect(progress.stat('Lessons done').innerText()).resolves.toBe('2');
    for (const title of ['Hello, Python', 'Values and variables']) {
      await openLesson(page, title);
      await page.getByRole('status').filter({ hasText: 'Done on' }).waitFor();
      await expect(page.getByRole('button', { name: 'Mark lesson as done' }).count()).resolves.toBe(0);
    }
    expect(desktop.errors).toEqual([]);
  });

  it('unlinks by keyboard: the status says so and focus goes on to the form that comes back', async () => {
    const { page } = desktop;
    const sync = await settingsOf(page, desktop.url);
    await sync.waitForStatus('Synced');
    await sync.unlinkButton.press('Enter');
    await sync.waitForStatus('Not linked: your progress stays on this machine.');
    await sync.section
      .getByRole('status')
      .filter({ hasText: 'Unlinked: your progress stays on this machine and no longer syncs.' })
      .waitFor();
    await expect.poll(() => sync.isFocused(sync.serverAddress)).toBe(true);
    await expect(sync.serverAddress.inputValue()).resolves.toBe(serverUrl);
  });
});
