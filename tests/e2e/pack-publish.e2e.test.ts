import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRIBUTION_PATHS } from '../../common/contract/distribution.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { callServer, PASSWORD, startClassServer } from './support/class-server.js';
import type { ClassServer } from './support/class-server.js';
import { adminMakesPack } from './support/signed-pack.js';
import { AdminDialog } from './pages/admin-dialog.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { SyncSettingsPage } from './pages/sync-settings-page.js';

const HEAD = 'head@school.example';

// The browser face in Chromium publishing on the built class server in its own process: the lab admin's profile is
// linked with the server's admin account, the machine's admin is unlocked, and the file is picked in the page.
describe('publishing a pack on the class server from Settings in Chromium', () => {
  const app = appInChromium('e2e-publish-');
  let classServer: ClassServer;
  let course: Awaited<ReturnType<typeof adminMakesPack>>;
  let stray: Awaited<ReturnType<typeof adminMakesPack>>;

  beforeAll(async () => {
    course = await adminMakesPack('lab-course', 'Lab course');
    stray = await adminMakesPack('stray-course', 'Stray course');
    classServer = await startClassServer('e2e-publish-server-', [course.publicKey]);
  });
  afterAll(() => classServer?.server.stop());

  it('refuses a pack from a key the server does not trust in its words, then publishes one it trusts', async () => {
    const { page, errors } = app;
    await new ModuleListPage(page).open(app.url, 'Head');
    await new SettingsPage(page).open();
    const sync = new SyncSettingsPage(page);
    await sync.link(classServer.url, HEAD, PASSWORD);
    await sync.waitForStatus(/Synced/);

    const panel = page.getByRole('region', { name: 'Publish a pack on the class server' });
    await expect(panel.innerText()).resolves.toContain('Only a machine admin can publish packs');
    const admin = new AdminDialog(page);
    await admin.openWith('Set an admin password');
    await admin.setPassword('publish e2e admin');

    const picker = panel.getByLabel('Choose a pack file to publish');
    await picker.setInputFiles(stray.file);
    const alert = panel.getByRole('alert');
    await expect(alert.innerText()).resolves.toMatch(/did not publish it: .*not trusted here/);

    await picker.setInputFiles(course.file);
    const done = panel.getByRole('status').filter({ hasText: 'Published' });
    await expect(done.innerText()).resolves.toBe(
      'Published lab-course 1.0.0: the apps signed in to the class server pull it.',
    );
    await expectNoSeriousViolations(page);
    await panel.screenshot({ path: join(SCREENSHOTS, '40-pack-publish.png') });

    const feed = await callServer(
      `${classServer.url}${DISTRIBUTION_PATHS.packs}`,
      undefined,
      await classServer.signIn(HEAD),
    );
    expect(feed.packs).toMatchObject([{ packId: 'lab-course', version: '1.0.0' }]);
    // The refusal is an answer shown in the page, logged by Chromium as a failed request only.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
