import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module (the Electron binary cannot run on the test machines): just enough of
 * app, BrowserWindow, Tray, Notification, Menu and the session for main.ts to run its wiring, recording what it
 * was asked to do. main-wiring.test.ts puts it in place of `electron` with vi.mock.
 */
class FakeApp extends EventEmitter {
  /** What requestSingleInstanceLock answers: false plays a second start of the app. */
  lock = true;
  readonly calls: [string, ...unknown[]][] = [];
  whenReadyCalls = 0;
  #ready!: () => void;
  readonly #whenReady = new Promise<void>((resolve) => (this.#ready = resolve));

  #record(name: string, ...args: unknown[]) {
    this.calls.push([name, ...args]);
  }
  setPath(...args: unknown[]) {
    this.#record('setPath', ...args);
  }
  setName(name: string) {
    this.#record('setName', name);
  }
  setAppUserModelId(id: string) {
    this.#record('setAppUserModelId', id);
  }
  enableSandbox() {
    this.#record('enableSandbox');
  }
  setAsDefaultProtocolClient(scheme: string) {
    this.#record('setAsDefaultProtocolClient', scheme);
  }
  quit() {
    this.#record('quit');
  }
  requestSingleInstanceLock() {
    return this.lock;
  }
  /** The system's languages, most preferred first (desktop alerts are said in the first the app ships). */
  getPreferredSystemLanguages() {
    return ['en-US'];
  }
  whenReady() {
    this.whenReadyCalls++;
    return this.#whenReady;
  }
  /** Electron's 'ready'. */
  markReady() {
    this.#ready();
  }
  /** A fresh start of the app: what the last one asked is forgotten. */
  reset(lock: boolean) {
    this.lock = lock;
    this.calls.length = 0;
    this.whenReadyCalls = 0;
  }
  called(name: string) {
    return this.calls.filter(([called]) => called === name).map(([, ...args]) => args);
  }
}

class FakeWebContents extends EventEmitter {
  readonly sent: [string, unknown][] = [];
  readonly scripts: string[] = [];
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  executeJavaScript(code: string) {
    this.scripts.push(code);
    return Promise.resolve();
  }
  setWindowOpenHandler() {}
}

class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = 0;
  focused = 0;
  minimized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  static getAllWindows() {
    return FakeBrowserWindow.all;
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  show() {
    this.shown++;
  }
  focus() {
    this.focused++;
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

interface MenuTemplate {
  label?: string;
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuTemplate[];
}

class FakeTray extends EventEmitter {
  static readonly all: FakeTray[] = [];
  readonly tooltips: string[] = [];
  menu: MenuTemplate[] = [];
  destroyed = false;
  constructor(readonly icon: string) {
    super();
    FakeTray.all.push(this);
  }
  setToolTip(text: string) {
    this.tooltips.push(text);
  }
  setContextMenu(menu: { template: MenuTemplate[] }) {
    this.menu = menu.template;
  }
  destroy() {
    this.destroyed = true;
  }
}

class FakeNotification extends EventEmitter {
  static readonly shown: FakeNotification[] = [];
  static isSupported() {
    return true;
  }
  constructor(readonly options: { title: string; body: string; icon?: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

const handlers = new Map<string, (event: { senderFrame: unknown }, input: unknown) => Promise<unknown>>();

export const electron = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: {
    application: undefined as { template: MenuTemplate[] } | undefined,
    buildFromTemplate: (template: MenuTemplate[]) => ({ template }),
    setApplicationMenu(menu: { template: MenuTemplate[] }) {
      this.application = menu;
    },
  },
  ipcMain: {
    handle: (channel: string, handler: (event: { senderFrame: unknown }, input: unknown) => Promise<unknown>) =>
      handlers.set(channel, handler),
    /** A call from a page, as the preload makes it. */
    invoke: (channel: string, senderFrame: unknown, input?: unknown) => handlers.get(channel)!({ senderFrame }, input),
  },
  net: { fetch: (): Promise<unknown> => Promise.resolve(undefined) },
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: { defaultSession: { setPermissionRequestHandler() {}, webRequest: { onHeadersReceived() {} } } },
  shell: { openExternal: () => Promise.resolve() },
  dialog: {
    /** The button the user presses in every message box (1: Later, the cancel of the restart prompt). */
    answer: 1,
    prompts: [] as { message: string }[],
    showMessageBox(options: { message: string }) {
      this.prompts.push(options);
      return Promise.resolve({ response: this.answer });
    },
  },
};

/**
 * electron-updater's autoUpdater, which needs Electron too: it records the feed, the checks and the installs.
 * It starts as electron-updater's does (installing on quit), and is reset for each start of main.ts.
 */
export const autoUpdater = Object.assign(new EventEmitter(), {
  autoDownload: false,
  autoInstallOnAppQuit: true,
  feeds: [] as unknown[],
  checks: 0,
  installs: 0,
  setFeedURL(feed: unknown) {
    this.feeds.push(feed);
  },
  checkForUpdates() {
    this.checks++;
    return Promise.resolve(null);
  },
  quitAndInstall() {
    this.installs++;
  },
  reset(this: EventEmitter & { autoDownload: boolean }) {
    this.removeAllListeners();
    Object.assign(this, { autoDownload: false, autoInstallOnAppQuit: true, feeds: [], checks: 0, installs: 0 });
  },
});
