import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, net, Notification, protocol, screen, session, shell } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../../common/security/content-security-policy.js';
import { startAppUpdates } from './updates/app-updater.js';
import { createCore } from '../core/create-core.js';
import type { Core } from '../core/create-core.js';
import { resolveDataDir } from '../core/host/data-dir.js';
import { locateInstall } from '../core/host/install-layout.js';
import { shippedLanguage } from '../../common/i18n/catalogs.js';
import { coreTranslate, createCoreI18n } from '../../common/i18n/translator.js';
import { bindDesktopAlerts } from './desktop-alerts.js';
import { bindIpc } from './ipc-binding.js';
import { EVENT_CHANNEL } from './ipc-channels.js';
import { APP_ENTRY, APP_SCHEME, isAppUrl, resolveAppFile } from './policy/app-protocol.js';
import { appMenu } from './policy/app-menu.js';
import type { MenuEntry } from './policy/app-menu.js';
import { DEEP_LINK_SCHEME, deepLinkInArgv, deepLinkTarget } from './policy/deep-link.js';
import { isSafeExternalUrl } from './policy/external-url.js';
import { restoreWindow } from './policy/window-state.js';
import { isTrustedSender } from './policy/trusted-sender.js';
import { secureWebPreferences } from './policy/web-preferences.js';

// The desktop face: a window, the app:// protocol and IPC around the same core the CLI uses.
const layout = locateInstall(__dirname);
const flagIndex = process.argv.indexOf('--data-dir');
const dataDir = resolveDataDir({
  flag: flagIndex > 0 ? process.argv[flagIndex + 1] : undefined,
  env: process.env,
  platform: process.platform,
  homedir: homedir(),
});
app.setPath('userData', dataDir);
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();
app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
  });
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(layout.rendererDir, request.url);
    return file ? net.fetch(pathToFileURL(file).toString()) : new Response('Not found', { status: 404 });
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

/** The app's icon for windows and notifications, when the install has one. */
const windowIcon = [join(layout.root, 'build', 'icon.png')].find((file) => existsSync(file));

const WINDOW_STATE_FILE = join(dataDir, 'window-state.json');

/** Where the window was last time (restoreWindow checks it still fits the screens there are now). */
function savedWindow() {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(WINDOW_STATE_FILE, 'utf8'));
  } catch {
    saved = undefined;
  }
  return restoreWindow(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
}

function keepWindowState(window: BrowserWindow): void {
  window.on('close', () => {
    const state = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(WINDOW_STATE_FILE, JSON.stringify(state));
    } catch {
      // Only the next window's place is lost.
    }
  });
}

let mainWindow: BrowserWindow | undefined;
/** A deep link that arrived before the window was there. */
let pendingTarget = deepLinkInArgv(process.argv);

function openTarget(target: string | undefined): void {
  if (!target) return;
  if (!mainWindow) {
    pendingTarget = target;
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  void mainWindow.loadURL(target);
}

// A second start (a deep link clicked while the app runs, on Windows and Linux) comes to this one.
app.on('second-instance', (_event, argv) => {
  mainWindow?.focus();
  openTarget(deepLinkInArgv(argv));
});
// macOS hands deep links over as an event.
app.on('open-url', (event, url) => {
  event.preventDefault();
  openTarget(deepLinkTarget(url));
});

/** The menu of appMenu, its destinations opened in the window. */
const toElectronMenu = (entries: readonly MenuEntry[]): MenuItemConstructorOptions[] =>
  entries.map(({ go, submenu, ...entry }) => ({
    ...(entry as MenuItemConstructorOptions),
    ...(go ? { click: () => openTarget(go) } : {}),
    ...(submenu ? { submenu: toElectronMenu(submenu) } : {}),
  }));

function openWindow(core: Core): void {
  const { maximized, ...bounds } = savedWindow();
  const window = new BrowserWindow({
    ...bounds,
    title: 'Lionagi Learn',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  const unsubscribe = core.onEvent((event) => window.webContents.send(EVENT_CHANNEL, event));
  window.on('closed', () => {
    unsubscribe();
    if (mainWindow === window) mainWindow = undefined;
  });
  keepWindowState(window);
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  mainWindow = window;
  void window.loadURL(pendingTarget ?? APP_ENTRY);
  pendingTarget = undefined;
}

void app.whenReady().then(async () => {
  hardenSession();
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(appMenu(process.platform))));
  const core = await createCore({
    dataDir,
    appVersion: layout.appVersion,
    bundledPacksDir: layout.bundledPacksDir,
    runtimesDir: layout.runtimesDir,
    model: { trainerScript: layout.trainerScript },
  });
  void core.warmUpPlayground();
  core.startSync();
  const stopUpdates = startAppUpdates(
    async () => (await core.api.getDistributionStatus(undefined)).serverUrl,
    core.logger,
  );
  bindIpc(ipcMain, core, (frame) => isTrustedSender(frame));
  openWindow(core);
  // The system's notifications carry the app's name (Windows takes it from the app user model id).
  app.setAppUserModelId('Lionagi Learn');
  bindDesktopAlerts(
    core.onEvent,
    {
      isSupported: () => Notification.isSupported(),
      show: ({ title, body }, onClick) => {
        const shown = new Notification({ title, body, ...(windowIcon ? { icon: windowIcon } : {}) });
        shown.on('click', onClick);
        shown.show();
      },
    },
    (route) => {
      const window = BrowserWindow.getAllWindows()[0];
      if (!window) return openWindow(core);
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      // An in-page hash change (JSON-quoted): the open profile stays open.
      void window.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`);
    },
    // The system's language: the main process does not know which profile's window chose another.
    coreTranslate(createCoreI18n(shippedLanguage(app.getPreferredSystemLanguages()) ?? 'en')),
  );
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && openWindow(core));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    stopUpdates();
    void core.close();
  });
});
