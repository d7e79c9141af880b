import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { ROOT, startProcess, tempDir } from './support/processes.js';
import type { Started } from './support/processes.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { SyncSettingsPage } from './pages/sync-settings-page.js';
import { TimeField } from './pages/time-field.js';

const run = promisify(execFile);
const PASSWORD = 'correct horse battery';
const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/;

const post = async (url: string, body: unknown, token?: string) => {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: answer.status, json: (await answer.json()) as Record<string, unknown> };
};
const login = async (server: string, email: string) =>
  (await post(`${server}/auth/login`, { email, password: PASSWORD })).json as { accessToken: string };

/** The open profile (`name`) linked to the account `email`, then on the inbox screen. */
async function inboxOf(page: Page, url: string, server: string, name = 'Ada', email = 'ada@school.example') {
  await new ModuleListPage(page).open(url, name);
  await new SettingsPage(page).open();
  const sync = new SyncSettingsPage(page);
  await sync.link(server, email, PASSWORD);
  await sync.waitForStatus(`Synced with ${server}`);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Inbox/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
}

const item = (page: Page, title: string) =>
  page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: title });

// Two devices of one learner (each the real browser face in its own process, in Chromium), the real sync
// server, and the teacher sending with `lionlearn notify send`: the message arrives on both screens without a
// reload, and marking it read on one shows it read on the other.
describe('the inbox in Chromium', () => {
  const laptop = appInChromium('e2e-notify-laptop-');
  const desktop = appInChromium('e2e-notify-desktop-');
  const serverDir = tempDir('e2e-notify-server-');
  let server: Started;
  let serverUrl: string;
  let joinCode: string;

  beforeAll(async () => {
    await run(
      process.execPath,
      [
        'dist/sync-server/server.js',
        '--data-dir',
        serverDir,
        'admin',
        'create',
        '--email',
        'admin@school.example',
        '--password-env',
        'PW',
      ],
      { cwd: ROOT, env: { ...process.env, PW: PASSWORD } },
    );
    server = await startProcess(['dist/sync-server/server.js', '--port', '0', '--data-dir', serverDir], LISTENING);
    serverUrl = server.match[1]!;
    const ids: string[] = [];
    for (const [email, displayName] of [
      ['ada@school.example', 'Ada'],
      ['teacher@school.example', 'Ms Lovelace'],
    ]) {
      const registered = await post(`${serverUrl}/auth/register`, { email, password: PASSWORD, displayName });
      expect(registered.status).toBe(201);
      ids.push(String(registered.json.accountId));
    }
    const teacherId = ids[1]!;
    const admin = await login(serverUrl, 'admin@school.example');
    const role = await fetch(`${serverUrl}/admin/accounts/${teacherId}/role`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ role: 'teacher' }),
    });
    expect(role.status).toBe(200);
    const teacher = await login(serverUrl, 'teacher@school.example');
    joinCode = String((await post(`${serverUrl}/classes`, { name: 'Python 1' }, teacher.accessToken)).json.joinCode);
    const ada = await login(serverUrl, 'ada@school.example');
    expect((await post(`${serverUrl}/classes/join`, { joinCode }, ada.accessToken)).status).toBe(200);
  });
  afterAll(() => server?.stop());

  it("a teacher's message arrives live on both devices; read on one is read on the other", async () => {
    await inboxOf(laptop.page, laptop.url, serverUrl);
    await inboxOf(desktop.page, desktop.url, serverUrl);
    await item(laptop.page, 'Welcome, Ada').waitFor();

    const sent = await run(
      process.execPath,
      [
        'bin/lionlearn.js',
        'notify',
        'send',
        '--server',
        serverUrl,
        '--class',
        joinCode,
        '--email',
        'teacher@school.example',
        '--markdown',
        '--text',
        'Quiz on **lists** on Friday. Read the lesson first.',
      ],
      { cwd: ROOT, env: { ...process.env, LIONLEARN_SERVER_PASSWORD: PASSWORD } },
    );
    expect(sent.stdout).toContain('Sent to 1 inbox');

    // Live, on both screens, with no reload: the item, its Markdown rendered, and the count in the header.
    for (const page of [laptop.page, desktop.page]) {
      const message = item(page, 'Message from Ms Lovelace');
      await message.waitFor();
      await expect(message.locator('strong').innerText()).resolves.toBe('lists');
      await expect.poll(() => page.getByTestId('inbox-link').textContent()).toBe('Inbox 2 unread');
    }
    await laptop.page.screenshot({ path: join(SCREENSHOTS, 'notify-1-inbox-live.png'), fullPage: true });
    await expectNoSeriousViolations(laptop.page);

    await item(laptop.page, 'Message from Ms Lovelace').getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => laptop.page.getByTestId('inbox-link').textContent()).toBe('Inbox 1 unread');
    // The other device hears of it through the synced inbox.
    await item(desktop.page, 'Message from Ms Lovelace')
      .getByRole('button', { name: 'Mark read' })
      .waitFor({ state: 'detached' });
    await expect.poll(() => desktop.page.getByTestId('inbox-link').textContent()).toBe('Inbox 1 unread');

    // A learner's account does not write messages: no form (the core and the server refuse one too).
    await expect(laptop.page.getByText('Send a message').count()).resolves.toBe(0);

    await desktop.page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => laptop.page.getByTestId('inbox-link').textContent()).toBe('Inbox');
    await laptop.page.getByRole('status').filter({ hasText: 'Nothing unread.' }).waitFor();
    await desktop.page.screenshot({ path: join(SCREENSHOTS, 'notify-2-inbox-read.png'), fullPage: true });
    await expectNoSeriousViolations(desktop.page);

    // The alert settings: quiet hours across midnight, saved and synced like every preference.
    await new SettingsPage(laptop.page).open();
    const settings = laptop.page.getByRole('group', { name: 'Tell me about' });
    // Saved first, then shown: the box is checked once the core answered.
    await settings.getByLabel('Quiet hours').click();
    await expect.poll(() => settings.getByLabel('Quiet hours').isChecked()).toBe(true);
    await expect(new TimeField(settings, 'from').isEnabled()).resolves.toBe(true);
    const to = new TimeField(settings, 'to');
    await to.set('06:30');
    await expect.poll(() => to.value()).toBe('06:30');
    await settings.screenshot({ path: join(SCREENSHOTS, 'notify-3-settings.png') });
    await expectNoSeriousViolations(laptop.page);
    expect(laptop.errors).toEqual([]);
    expect(desktop.errors).toEqual([]);
  }, 180_000);

  it("shows the send form to a teacher's account, and the message reaches the class", async () => {
    const { page } = laptop;
    await inboxOf(page, laptop.url, serverUrl, 'Ms Lovelace', 'teacher@school.example');
    // The role comes with the sign-in: the Classes link and the form appear once the app knows it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Classes' }).waitFor();
    const form = page.locator('details.send-message');
    await form.getByText('Send a message').click();
    await form.getByLabel('Join code', { exact: true }).fill(joinCode);
    await form.getByLabel('Message').fill('Bring your laptops on Monday.');
    await form.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Sent to 1 person.').waitFor();
    await expectNoSeriousViolations(page);
    expect(laptop.errors).toEqual([]);
  }, 120_000);
});
