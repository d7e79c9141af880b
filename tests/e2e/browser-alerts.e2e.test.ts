import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { masterFiveDaysAgo } from './support/mastered-skills.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { TimeField } from './pages/time-field.js';

/** Three skills of the shipped pack, each with a quiz item: three reviews due once mastered. */
const THREE_SKILLS = [
  { item: 'python-foundations/cls-init-name', skill: 'python-foundations/classes' },
  { item: 'python-foundations/cls-override', skill: 'python-foundations/inheritance' },
  { item: 'python-foundations/cls-dataclass-eq', skill: 'python-foundations/dataclasses' },
];

interface Shown {
  title: string;
  body: string | undefined;
  icon: string | undefined;
}

/**
 * Lets the page show notifications (the permission granted through the browser context, as a learner's "Allow"
 * would) and wraps window.Notification before the app loads: each call is recorded here, in the test (so a reload
 * forgets nothing), and still made with the browser's own constructor; the page keeps the instances to click.
 */
async function recordNotifications(page: Page, url: string): Promise<Shown[]> {
  const shown: Shown[] = [];
  await page.context().grantPermissions(['notifications'], { origin: new URL(url).origin });
  await page.exposeFunction('recordNotification', (notification: Shown) => shown.push(notification));
  await page.addInitScript(() => {
    const Browser = window.Notification;
    const page = window as unknown as { recordNotification(n: Shown): void; notificationsShown: Notification[] };
    page.notificationsShown = [];
    class Recorded extends Browser {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        page.notificationsShown.push(this);
        void page.recordNotification({ title, body: options?.body, icon: options?.icon });
      }
    }
    window.Notification = Recorded;
  });
  return shown;
}

/** The learner clicks the last notification shown (what the system does with a click on it). */
const clickLastNotification = (page: Page) =>
  page.evaluate(() => {
    const { notificationsShown } = window as unknown as { notificationsShown: Notification[] };
    notificationsShown.at(-1)!.dispatchEvent(new Event('click'));
  });

const inboxLink = (page: Page) => page.getByTestId('inbox-link');

/** hh:mm of the local time `minutes` from now (the app's quiet hours are local time, the server's here). */
const localTime = (minutes: number) => {
  const at = new Date(Date.now() + minutes * 60_000);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};

// The real browser face (`lionlearn serve`) in Chromium with notifications allowed: the reviews due reach the
// learner as the browser's notification, once, and only outside quiet hours.
describe('browser notifications in Chromium', () => {
  const app = appInChromium('e2e-browser-alerts-');

  it('shows "3 reviews due" once, not three times; a click opens it in the inbox', async () => {
    const { page } = app;
    const shown = await recordNotifications(page, app.url);
    await new ModuleListPage(page).open(app.url, 'Nia');
    await masterFiveDaysAgo(app.dataDir, 'Nia', THREE_SKILLS);
    await page.reload();
    await expect.poll(() => shown.map((n) => n.title)).toEqual(['3 reviews due']);
    expect(shown[0]!.icon).toMatch(/favicon\.svg$/);
    await expect.poll(() => inboxLink(page).textContent()).toBe('Inbox 1 unread');

    // The inbox asks the core again (as every start of a face does): the alert was decided once, not again.
    await inboxLink(page).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    // Back home (in the page: no reload, the notification shown is still there to click).
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByRole('heading', { level: 1, name: 'Your modules' }).waitFor();
    await clickLastNotification(page);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/notifications\?item=reviews-due%2F/);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    const item = page
      .getByRole('list', { name: 'Notifications' })
      .getByRole('listitem')
      .filter({ hasText: '3 reviews due' });
    await expect.poll(() => item.getAttribute('class')).toContain('focused');
    // Opening it read it; that change is the core's next event, so any second alert would have come by now.
    await expect.poll(() => inboxLink(page).textContent()).toBe('Inbox');
    expect(shown.map((n) => n.title)).toEqual(['3 reviews due']);
    await page.screenshot({ path: join(SCREENSHOTS, 'notify-4-browser-alert-opened.png'), fullPage: true });
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('shows nothing in quiet hours, while the inbox still gets the reminder', async () => {
    const { page } = app;
    const shown = await recordNotifications(page, app.url);
    await new ModuleListPage(page).open(app.url, 'Quin');
    await new SettingsPage(page).open();
    const settings = page.getByRole('group', { name: 'Tell me about' });
    await settings.getByLabel('Quiet hours').click();
    await expect.poll(() => settings.getByLabel('Quiet hours').isChecked()).toBe(true);
    // From an hour ago to an hour from now (across midnight when it is late: the app handles both).
    for (const [label, time] of [
      ['from', localTime(-60)],
      ['to', localTime(60)],
    ] as const) {
      const field = new TimeField(settings, label);
      await field.set(time);
      await expect.poll(() => field.value()).toBe(time);
    }
    await masterFiveDaysAgo(app.dataDir, 'Quin', THREE_SKILLS);
    await page.reload();
    await expect.poll(() => inboxLink(page).textContent()).toBe('Inbox 1 unread');
    await inboxLink(page).click();
    const item = page
      .getByRole('list', { name: 'Notifications' })
      .getByRole('listitem')
      .filter({ hasText: '3 reviews due' });
    await item.getByRole('button', { name: 'Mark read' }).click();
    // The read is the core's next event after the reminder's: had an alert been decided, it would be here.
    await expect.poll(() => inboxLink(page).textContent()).toBe('Inbox');
    expect(shown).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
