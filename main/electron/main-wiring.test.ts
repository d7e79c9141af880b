import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channelFileText, DISTRIBUTION_PATHS } from '../../common/contract/distribution.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import type { Core } from '../core/create-core.js';
import { signChannelFile } from '../core/distribution/app-release-signature.js';
import { APP_ID, APP_NAME, trayIcon, windowIcon } from './app-identity.js';
import { ipcChannel } from './ipc-channels.js';
import { APP_ENTRY } from './policy/app-protocol.js';
import { REVIEWS_TARGET } from './tray-menu.js';
import { channelFileFor, updateFeedUrl } from './updates/update-policy.js';

// main.ts run against a stand-in for Electron (the binary cannot run here): its wiring of the pure parts, checked
// by what it asks of Electron. The core is the real one, over a temp folder; created through a pass-through
// that keeps a handle on it, so the test can make it raise an alert.
// One stand-in for every start of main.ts in this file (each start re-imports main.ts, not the stand-in).
const fake = vi.hoisted(() => import('./testing/fake-electron.js'));
vi.mock('electron', async () => (await fake).electron);
vi.mock('electron-updater', async () => ({ default: { autoUpdater: (await fake).autoUpdater } }));
const { autoUpdater, electron } = await fake;
const made = vi.hoisted(() => ({ core: undefined as Core | undefined, classServer: undefined as string | undefined }));
vi.mock(import('../core/create-core.js'), async (original) => {
  const real = await original();
  return {
    ...real,
    createCore: async (options) => {
      const core = await real.createCore(options);
      // The class server a linked profile would give (linking is tested with the sync client): a test's own.
      const { classServer } = made;
      if (classServer) {
        const status = core.api.getDistributionStatus.bind(core.api);
        core.api.getDistributionStatus = async (input) => ({ ...(await status(input)), serverUrl: classServer });
      }
      return (made.core = core);
    },
  };
});

const ROOT = join(import.meta.dirname, '../..');
const DEEP_LINK = 'lionlearn://exercise/python-foundations/split-the-bill';
const APP_FRAME = { url: APP_ENTRY, parent: null };

const argv = process.argv;
const dockerHost = process.env.DOCKER_HOST;
afterAll(() => {
  process.argv = argv;
  if (dockerHost === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = dockerHost;
});

/** Loads main.ts afresh (each test is a start of the app) with this command line. */
async function start(args: string[], lock: boolean) {
  vi.resetModules();
  electron.app.reset(lock);
  autoUpdater.reset();
  process.argv = [process.execPath, 'main.cjs', ...args];
  await import('./main.js');
}

async function eventually(check: () => boolean, timeoutMs: number) {
  for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
  }
}

describe('main.ts against a stand-in Electron', { timeout: 60_000 }, () => {
  it('a second start hands over and quits before it opens the data folder', async () => {
    await start([DEEP_LINK], false);
    expect(electron.app.called('quit')).toHaveLength(1);
    expect(electron.app.whenReadyCalls).toBe(0);
    expect(electron.app.called('setAsDefaultProtocolClient')).toEqual([]);
  });

  it('wires the window and its state, deep links, menu, tray, alerts and updates to the pure parts', async () => {
    // No Docker here: the sandbox warm-up fails fast and is only logged.
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    const dataDir = mkdtempSync(join(tmpdir(), 'main-wiring-'));
    await start(['--data-dir', dataDir, DEEP_LINK], true);
    const { app, BrowserWindow, Tray, Notification, Menu, ipcMain } = electron;
    expect(app.called('setPath')).toEqual([['userData', dataDir]]);
    expect(app.called('setName')).toEqual([[APP_NAME]]);
    expect(app.called('setAppUserModelId')).toEqual([[APP_ID]]);
    expect(app.called('setAsDefaultProtocolClient')).toEqual([['lionlearn']]);
    app.markReady();
    await eventually(() => BrowserWindow.all.length === 1, 30_000);
    const window = BrowserWindow.all[0]!;
    try {
      // The window: the app's icon and name, the secure preferences, and the deep link it was started with.
      expect(window.options).toMatchObject({ icon: windowIcon(ROOT), title: APP_NAME, show: false });
      expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
      expect(window.loaded).toEqual([`${APP_ENTRY}#/exercises/python-foundations/split-the-bill`]);
      // The menu with its shortcuts.
      const go = Menu.application!.template.find((entry) => entry.label === '&Go')!;
      expect(go.submenu!.map((entry) => entry.accelerator).filter(Boolean)).toContain('CmdOrCtrl+4');
      // Updates: started, no feed yet (no class server is linked).
      expect(autoUpdater.autoDownload).toBe(true);
      expect(autoUpdater.autoInstallOnAppQuit).toBe(false);
      expect(autoUpdater.feeds).toEqual([]);

      // The tray: nobody's count before a profile opens; the count once one does (after the learner leaves the
      // window, as after a review).
      const tray = Tray.all[0]!;
      expect(tray.icon).toBe(trayIcon(ROOT, process.platform));
      expect(tray.tooltips).toEqual([APP_NAME]);
      const created = (await ipcMain.invoke(ipcChannel('createLearner'), APP_FRAME, {
        profile: { displayName: 'Ada', avatar: 'owl', goals: [] },
      })) as { ok: true; value: { learner: { id: string } } };
      expect(created.ok).toBe(true);
      window.emit('blur');
      expect(tray.tooltips.at(-1)).toBe(`${APP_NAME}: no reviews due`);
      expect(tray.menu.map((entry) => entry.label)).toEqual([`Open ${APP_NAME}`, 'No reviews due', undefined, 'Quit']);
      tray.menu[0]!.click!();
      expect(window.shown).toBeGreaterThan(0);
      expect(REVIEWS_TARGET.startsWith(APP_ENTRY)).toBe(true);

      // A second start with a deep link: this window goes there.
      app.emit('second-instance', {}, ['lionlearn', 'lionlearn://lesson/python-foundations/hello']);
      expect(window.loaded.at(-1)).toBe(`${APP_ENTRY}#/lessons/python-foundations/hello`);

      // An alert from the core: the system's notification with the app's icon; a click opens the item.
      made.core!.notifications.assignmentDue(created.value.learner.id, {
        id: 'a1',
        title: 'Loops',
        dueAt: '2099-01-01T00:00:00Z',
      });
      expect(Notification.shown.map((n) => n.options)).toEqual([
        { title: 'Due soon: Loops', body: expect.any(String), icon: windowIcon(ROOT) },
      ]);
      Notification.shown[0]!.emit('click');
      expect(window.webContents.scripts).toEqual([
        `location.hash = ${JSON.stringify('#/notifications?item=assignment-due%2Fa1')}`,
      ]);

      // Closing keeps the window's place for the next start.
      window.emit('close');
      expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
        x: 10,
        y: 20,
        width: 1000,
        height: 700,
        maximized: false,
      });
    } finally {
      app.emit('will-quit');
      await made.core?.close();
    }
    expect(Tray.all[0]!.destroyed).toBe(true);
  });

  it('installs a downloaded update only once its signed channel file checks out against the trusted keys', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    const publisher = generateSigningKeys();
    const installer = randomBytes(50_000);
    const feed = await signedFeed(installer, publisher.privateKey);
    made.classServer = feed.origin;
    const noticesBefore = electron.Notification.shown.length;
    try {
      await start(['--data-dir', mkdtempSync(join(tmpdir(), 'main-updates-'))], true);
      electron.app.markReady();
      await eventually(() => autoUpdater.checks === 1, 30_000);
      expect(autoUpdater.feeds).toEqual([{ provider: 'generic', url: updateFeedUrl(feed.origin) }]);
      expect(autoUpdater.autoInstallOnAppQuit).toBe(false);
      const core = made.core!;
      electron.dialog.answer = 0;
      // The notices this start shows (the stand-in keeps those of the starts before).
      const shown = () => electron.Notification.shown.slice(noticesBefore).map((n) => n.options);

      // Signed, but by a key this machine does not trust yet: the admin is told, nothing is installed.
      autoUpdater.emit('update-downloaded', { version: '1.2.0', downloadedFile: downloadedAs(installer) });
      await eventually(() => shown().length === 1, 10_000);
      expect(shown()[0]).toMatchObject({ title: 'App update 1.2.0 not installed' });
      expect(shown()[0]!.body).toContain('not trusted here');
      expect(electron.dialog.prompts).toEqual([]);

      // Once the machine admin trusts the publisher, the same release is offered for a restart and installed.
      await core.api.addTrustedKey({ session: core.ownerSession(), publicKey: publisher.publicKey, label: 'Lab' });
      autoUpdater.emit('update-downloaded', { version: '1.2.0', downloadedFile: downloadedAs(installer) });
      await eventually(() => autoUpdater.installs === 1, 10_000);
      expect(electron.dialog.prompts.map((p) => p.message)).toEqual(['Lionagi Learn 1.2.0 is ready']);

      // Another file in its place (its SHA-512 is not in the signed channel file): not installed.
      const other = Buffer.from(installer);
      other[0] = other[0]! ^ 1;
      autoUpdater.emit('update-downloaded', { version: '1.2.0', downloadedFile: downloadedAs(other) });
      await eventually(() => shown().length === 2, 10_000);
      expect(shown()[1]!.body).toContain('SHA-512 or size differ');
      expect(autoUpdater.installs).toBe(1);
      expect(electron.dialog.prompts).toHaveLength(1);
    } finally {
      made.classServer = undefined;
      electron.dialog.answer = 1;
      electron.app.emit('will-quit');
      await made.core?.close();
      feed.close();
    }
  });
});

/** A class server's app feed, as far as the check reads it: one signed channel file for this platform. */
async function signedFeed(installer: Buffer, privateKey: string): Promise<{ origin: string; close(): void }> {
  const channel = channelFileFor(process.platform, process.arch);
  const info = {
    version: '1.2.0',
    files: [
      {
        url: 'Lionagi-Learn-1.2.0.bin',
        sha512: createHash('sha512').update(installer).digest('base64'),
        size: installer.length,
      },
    ],
  };
  const text = channelFileText(info, 100, '2026-12-01T00:00:00.000Z');
  const files = new Map([
    [`${DISTRIBUTION_PATHS.appFeed}/${channel}`, text],
    [`${DISTRIBUTION_PATHS.appFeed}/${channel}.sig`, JSON.stringify(signChannelFile(channel, text, privateKey))],
  ]);
  const server = createServer((request, response) => {
    const body = files.get(request.url ?? '');
    response.writeHead(body === undefined ? 404 : 200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** A download as electron-updater leaves it in its cache. */
function downloadedAs(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'update-cache-')), 'installer.bin');
  writeFileSync(file, bytes);
  return file;
}
