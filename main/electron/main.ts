import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import { contentSecurityPolicy } from '../../common/security/content-security-policy.js';
import { startAppUpdates } from './updates/app-updater.js';
import { createCore } from '../core/create-core.js';
import type { Core } from '../core/create-core.js';
import { resolveDataDir } from '../core/host/data-dir.js';
import { locateInstall } from '../core/host/install-layout.js';
import { bindIpc } from './ipc-binding.js';
import { EVENT_CHANNEL } from './ipc-channels.js';
import { APP_ENTRY, APP_SCHEME, isAppUrl, resolveAppFile } from './policy/app-protocol.js';
import { isSafeExternalUrl } from './policy/external-url.js';
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

function openWindow(core: Core): void {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    title: 'Lionagi Learn',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  const unsubscribe = core.onEvent((event) => window.webContents.send(EVENT_CHANNEL, event));
  window.on('closed', unsubscribe);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
}

void app.whenReady().then(async () => {
  hardenSession();
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
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && openWindow(core));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    stopUpdates();
    void core.close();
  });
});
