import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { adminMakesPack } from './support/signed-pack.js';
import { AdminDialog } from './pages/admin-dialog.js';
import { CatalogPage } from './pages/catalog-page.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { SearchBox } from './pages/search-box.js';
import { SettingsPage } from './pages/settings-page.js';

describe('packs, keys and search in Chromium', () => {
  const app = appInChromium('e2e-packs-', { width: 1200, height: 900 });
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    ({ page, errors } = app);
    await new ModuleListPage(page).open(app.url);
  });

  it('refuses a pack from an untrusted key, then installs it once the key is trusted', async () => {
    const pack = await adminMakesPack('field-guide', 'Field guide');
    const catalog = new CatalogPage(page);
    await catalog.open();
    // Installing and trusting are an admin's: set the machine's admin password, which unlocks.
    const admin = new AdminDialog(page);
    await admin.openWith('Set an admin password');
    await admin.setPassword('packs e2e admin');
    await catalog.importFile(pack.file);
    await expect(catalog.error.innerText()).resolves.toMatch(/not trusted here/);
    // The error names the chosen file, not the server's temp copy, and leads to the fix.
    await expect(catalog.error.innerText()).resolves.toContain(`Cannot use “${basename(pack.file)}”`);
    await expect(catalog.error.innerText()).resolves.not.toMatch(/lionlearn-upload|\/tmp\//);
    await expectNoSeriousViolations(page);
    await catalog.error.getByRole('link', { name: /Trust the key in Settings/ }).click();

    const settings = new SettingsPage(page);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await settings.trustKey('Field team', pack.publicKey);
    await expect.poll(() => settings.keys.count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, '05-settings-keys.png'), fullPage: true });

    await catalog.open();
    await catalog.importFile(pack.file);
    await expect(catalog.success.innerText()).resolves.toContain('Installed field-guide 1.0.0');
    await catalog.pack('Field guide').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '04-catalog.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Modules' }).click();
    await expect
      .poll(() => new ModuleListPage(page).moduleTitles())
      .toEqual(expect.arrayContaining(['Basics', 'Loops']));
    // Import failures are shown in the page, not as console errors.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it('searches as you type and opens a result', async () => {
    const search = new SearchBox(page);
    await search.type('f-str');
    await expect.poll(() => search.hits.first().locator('mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, '06-search.png') });
    const title = await search.hits.first().locator('.search-title').innerText();
    await search.hits.first().click();
    await new LessonPage(page).waitForLesson(title);
    expect(errors).toEqual([]);
  });

  it('respells a typo, and shows quiz questions without their Markdown', async () => {
    const search = new SearchBox(page);
    await search.input.fill('');
    await search.type('fucntion');
    await expect
      .poll(() => search.respelled.innerText())
      .toBe('Nothing found for “fucntion”. Showing results for function.');
    await page.screenshot({ path: join(SCREENSHOTS, '06-search-respelled.png') });
    await search.input.fill('');
    await search.type('await');
    // The kind is shown in capitals (CSS), which innerText reports.
    await expect.poll(async () => (await search.hits.allInnerTexts()).some((text) => /^quiz/i.test(text))).toBe(true);
    for (const text of await search.hits.allInnerTexts()) expect(text).not.toMatch(/`|\*\*|\]\(/);
    expect(errors).toEqual([]);
  });
});
