import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { adminMakesPack } from './support/signed-pack.js';
import { AdminDialog } from './pages/admin-dialog.js';
import { CatalogPage } from './pages/catalog-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ProfilePickerPage } from './pages/profile-picker-page.js';
import { SettingsPage } from './pages/settings-page.js';

const PASSWORD = 'lab admin 2026';

describe('roles on one machine in Chromium', () => {
  const app = appInChromium('e2e-roles-', { width: 1200, height: 900 });
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    ({ page, errors } = app);
    await new ModuleListPage(page).open(app.url, 'Lab learner');
  });

  it('explains to a learner what only an admin can do; an admin unlocks, installs, removes and restores packs', async () => {
    const catalog = new CatalogPage(page);
    const settings = new SettingsPage(page);
    const admin = new AdminDialog(page);

    // A learner on a fresh machine: no import, no remove, and why.
    await catalog.open();
    await expect(admin.explanations.first().innerText()).resolves.toMatch(
      /Only a machine admin can install, switch or remove packs\. This machine has no admin password yet: set one first\./,
    );
    expect(await catalog.fileInput.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Remove pack' }).count()).toBe(0);
    await settings.open();
    await page.getByText('Set an admin password to protect this machine').waitFor();
    expect(await page.getByLabel('Whose key is it').count()).toBe(0);
    await expect(page.locator('.danger-zone').innerText()).resolves.toContain(
      'Only a machine admin can remove a profile',
    );
    await page.screenshot({ path: join(SCREENSHOTS, '20-settings-learner.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    // The lab admin sets the password (keyboard only) and is unlocked; then locks again.
    await admin.openWith('Set an admin password');
    await page.screenshot({ path: join(SCREENSHOTS, '21-admin-set-password.png') });
    await expectNoSeriousViolations(page);
    await admin.setPassword(PASSWORD);
    await page.getByText(/Admin is unlocked until/).waitFor();
    await admin.lock();
    expect(await page.getByLabel('Whose key is it').count()).toBe(0);

    // A wrong password is refused in the dialog; Escape closes it and nothing is unlocked.
    await admin.openWith('Unlock admin');
    await page.emulateMedia({ colorScheme: 'dark' });
    await admin.unlock('not the password');
    await expect(admin.alert.innerText()).resolves.toContain('That admin password is not right');
    await page.screenshot({ path: join(SCREENSHOTS, '22-admin-unlock-dark.png') });
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Escape');
    await admin.dialog.waitFor({ state: 'hidden' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.getByLabel('Whose key is it').count()).toBe(0);

    // Unlocked: trust a key, install a pack, remove it.
    await admin.openWith('Unlock admin');
    await admin.unlock(PASSWORD);
    await admin.dialog.waitFor({ state: 'hidden' });
    const pack = await adminMakesPack('lab-extras', 'Lab extras');
    await settings.trustKey('Lab team', pack.publicKey);
    await catalog.open();
    await catalog.importFile(pack.file);
    await expect(catalog.success.first().innerText()).resolves.toContain('Installed lab-extras 1.0.0');
    await catalog.pack('Lab extras').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await catalog.pack('Lab extras').getByRole('button', { name: 'Remove pack' }).click();
    await catalog.pack('Lab extras').waitFor({ state: 'detached' });

    // A shipped pack removed, then restored, saying which version came back.
    page.once('dialog', (dialog) => void dialog.accept());
    await catalog.pack('Python foundations').getByRole('button', { name: 'Remove pack' }).click();
    await catalog.pack('Python foundations').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Restore Python foundations/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Restored python-foundations \d+\.\d+\.\d+ as shipped with the app/ })
      .waitFor();
    await catalog.pack('Python foundations').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '23-catalog-admin.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    // Switching profile locks admin: the next learner finds the gates closed.
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await new ProfilePickerPage(page).enterAs('Next learner');
    await catalog.open();
    await expect(admin.explanations.first().innerText()).resolves.toContain('Unlock admin');
    expect(await catalog.fileInput.count()).toBe(0);

    // Refused calls are shown in the page; the only console errors are their HTTP statuses.
    expect(errors.filter((e) => !/status of (403|400)/.test(e))).toEqual([]);
  });
});
