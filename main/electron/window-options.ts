import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME, windowIcon } from './app-identity.js';
import type { WindowState } from './policy/window-state.js';
import { secureWebPreferences } from './policy/web-preferences.js';

/**
 * The main window's options: where it was last time (restoreWindow), the app's name and icon (Linux and Windows
 * take the window's icon for the taskbar; macOS the bundle's), the secure web preferences, hidden until its
 * first paint so it never flashes white.
 */
export function mainWindowOptions(
  bounds: Partial<Omit<WindowState, 'maximized'>>,
  install: { root: string; preload: string },
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    title: APP_NAME,
    icon: windowIcon(install.root),
    show: false,
    webPreferences: secureWebPreferences(install.preload),
  };
}
