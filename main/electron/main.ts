import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, net, Notification, protocol, screen, session, shell, Tray } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../../common/security/content-security-policy.js';
import { startAppUpdates } from './updates/app-updater.js';
import { createCore } from '../core/create-core.js';
import type { Core } from '../core/create-core.js';
import { resolveDataDir } from '../core/host/data-dir.js';
import { locateInstall } from '../core/host/install-layout.js';
import { APP_ID, APP_NAME, trayIcon, windowIcon } from './app-identity.js';
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
import { shellLanguage, shellTranslators } from './shell-language.js';
import { bindTray } from './tray-menu.js';
import { mainWindowOptions } from './window-options.js';

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
// The name the system's notifications and the tray carry (Linux), and the id Windows ties notifications to.
app.setName(APP_NAME);
app.setAppUserModelId(APP_ID);
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

// One instance per data folder's owner: a second start hands its deep link over ('second-instance') and ends here,
// before it opens the database the first one holds.
const primary = app.requestSingleInstanceLock();
if (primary) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
else app.quit();

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
/** Opens the window when there is none (set once the core is up: macOS keeps running with no window). */
let reopenWindow: (() => void) | undefined;

/** Brings the window forward (opening it if it was closed), on `target` when given, else where it was. */
function openTarget(target: string | undefined): void {
  if (!mainWindow) {
    if (target) pendingTarget = target;
    reopenWindow?.();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  if (target) void mainWindow.loadURL(target);
}

// A second start (a deep link clicked while the app runs, on Windows and Linux) comes to this one.
app.on('second-instance', (_event, argv) => openTarget(deepLinkInArgv(argv)));
// macOS hands deep links over as an event.
app.on('open-url', (event, url) => {
  event.preventDefault();
  openTarget(deepLinkTarget(url));
});

/** A menu of appMenu or trayModel, its destinations opened in the window. */
const toElectronMenu = (entries: readonly MenuEntry[]): MenuItemConstructorOptions[] =>
  entries.map(({ go, show, submenu, ...entry }) => ({
    ...(entry as MenuItemConstructorOptions),
    ...(go || show ? { click: () => openTarget(go) } : {}),
    ...(submenu ? { submenu: toElectronMenu(submenu) } : {}),
  }));

function openWindow(core: Core, onBlur: () => void): void {
  const { maximized, ...bounds } = savedWindow();
  const window = new BrowserWindow(
    mainWindowOptions(bounds, { root: layout.root, preload: join(__dirname, 'preload.cjs') }),
  );
  // Reviews done in the window raise no core event: the tray recounts when the learner leaves it.
  window.on('blur', onBlur);
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

/** The tray icon with the reviews due; recounted each minute too, as reviews fall due with time. */
function startTray(core: Core): { refresh(): void; stop(): void } {
  const tray = new Tray(trayIcon(layout.root, process.platform));
  // Windows and Linux open the app on a click; macOS shows the menu.
  tray.on('click', () => openTarget(undefined));
  const bound = bindTray(
    core.onEvent,
    {
      setToolTip: (text) => tray.setToolTip(text),
      setMenu: (model) => tray.setContextMenu(Menu.buildFromTemplate(toElectronMenu(model.menu))),
    },
    () => core.notifications.reviewsDue(),
    shellWords(core),
  );
  const timer = setInterval(bound.refresh, 60_000);
  return {
    refresh: bound.refresh,
    stop: () => {
      clearInterval(timer);
      bound.stop();
      tray.destroy();
    },
  };
}

const liveNotifications = new Set<Notification>();
/** The shell's words (alerts, tray, update prompt) in a language, one translator each. */
const speak = shellTranslators();
/** The shell's words in the language the open profiles chose (the system's when none did). */
const shellWords = (core: Core) => () => speak(shellLanguage(core.openLanguages(), app.getPreferredSystemLanguages()));

/** The app once Electron is ready: the core, the menu, the tray, the window, alerts and update checks. */
async function startApp(): Promise<void> {
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
  const stopUpdates = startAppUpdates({
    serverUrl: async () => (await core.api.getDistributionStatus(undefined)).serverUrl,
    trustedKeys: () => core.trustedKeys(),
    tellAdmin: (notice) => {
      if (Notification.isSupported()) new Notification({ ...notice, icon: windowIcon(layout.root) }).show();
    },
    translate: shellWords(core),
    logger: core.logger,
  });
  bindIpc(ipcMain, core, (frame) => isTrustedSender(frame));
  const tray = startTray(core);
  reopenWindow = () => openWindow(core, tray.refresh);
  openWindow(core, tray.refresh);
  bindDesktopAlerts(
    core.onEvent,
    {
      isSupported: () => Notification.isSupported(),
      show: (options, onClick) => {
        const shown = new Notification(options);
        // Held until clicked or closed: a notification Electron's side lets go of loses its click handler.
        liveNotifications.add(shown);
        shown.on('click', () => {
          liveNotifications.delete(shown);
          onClick();
        });
        shown.on('close', () => liveNotifications.delete(shown));
        shown.show();
      },
    },
    windowIcon(layout.root),
    (route) => {
      if (!mainWindow) return openTarget(`${APP_ENTRY}${route}`);
      openTarget(undefined);
      // An in-page hash change (JSON-quoted): the open profile stays open.
      void mainWindow.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`);
    },
    // The language the alert's learner chose in the app (the system's when they chose "system").
    (learnerId) => speak(shellLanguage([core.languageOf(learnerId)], app.getPreferredSystemLanguages())),
  );
  app.on('activate', () => openTarget(undefined));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    stopUpdates();
    tray.stop();
    void core.close();
  });
}

if (primary) void app.whenReady().then(startApp);
