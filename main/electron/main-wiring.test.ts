import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core/create-core.js';
import { APP_ID, APP_NAME, trayIcon, windowIcon } from './app-identity.js';
import { ipcChannel } from './ipc-channels.js';
import { APP_ENTRY } from './policy/app-protocol.js';
import { REVIEWS_TARGET } from './tray-menu.js';

// main.ts run against a stand-in for Electron (the binary cannot run here): its wiring of the pure parts, checked
// by what it asks of Electron. The core is the real one, over a temp folder; created through a pass-through
// that keeps a handle on it, so the test can make it raise an alert.
// One stand-in for every start of main.ts in this file (each start re-imports main.ts, not the stand-in).
const fake = vi.hoisted(() => import('./testing/fake-electron.js'));
vi.mock('electron', async () => (await fake).electron);
vi.mock('electron-updater', async () => ({ default: { autoUpdater: (await fake).autoUpdater } }));
const { autoUpdater, electron } = await fake;
const made = vi.hoisted(() => ({ core: undefined as Core | undefined }));
vi.mock(import('../core/create-core.js'), async (original) => {
  const real = await original();
  return { ...real, createCore: async (options) => (made.core = await real.createCore(options)) };
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
});
