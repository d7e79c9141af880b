import { describe, expect, it } from 'vitest';
import { accelerators, appMenu } from './app-menu.js';
import type { MenuEntry } from './app-menu.js';
import { APP_ENTRY, isAppUrl } from './app-protocol.js';

const destinations = (menu: readonly MenuEntry[]): string[] =>
  menu.flatMap((e) => [...(e.go ? [e.go] : []), ...destinations(e.submenu ?? [])]);

describe('the application menu', () => {
  it.each(['darwin', 'linux', 'win32'] as const)(
    'on %s: each screen has its own shortcut and leads inside the app',
    (platform) => {
      const menu = appMenu(platform);
      const keys = accelerators(menu);
      expect(new Set(keys).size).toBe(keys.length);
      for (const url of destinations(menu)) {
        expect(isAppUrl(url)).toBe(true);
        // The renderer's own routes (renderer/src/router.ts; the renderer cannot be imported here).
        expect(['#/', '#/progress', '#/catalog', '#/notifications', '#/settings']).toContain(
          url.slice(APP_ENTRY.length),
        );
      }
      expect(menu.some((e) => e.role === 'editMenu')).toBe(true);
    },
  );
});
