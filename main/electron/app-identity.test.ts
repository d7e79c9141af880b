import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ICONS, ICON_SOURCES, iconPath, trayIcon, windowIcon } from './app-identity.js';
import { desktopNotification } from './desktop-alerts.js';
import { mainWindowOptions } from './window-options.js';

const ROOT = join(import.meta.dirname, '../..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width and height, from its IHDR chunk (the first, right after the signature). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is a PNG`).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const pngsUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.png'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));

describe("the app's icons", () => {
  it('are committed PNGs of their declared sizes, each drawn from an SVG source, and nothing else lies in build/', () => {
    for (const [name, { file, size, source }] of Object.entries(APP_ICONS)) {
      expect(pngSize(join(ROOT, file)), name).toEqual({ width: size, height: size });
      expect(readFileSync(join(ROOT, ICON_SOURCES[source]), 'utf8')).toMatch(/^<svg /);
    }
    expect(pngsUnder(join(ROOT, 'build')).sort()).toEqual(
      Object.values(APP_ICONS)
        .map(({ file }) => file)
        .sort(),
    );
  });

  it("the browser face's favicon is the same logo", () => {
    expect(readFileSync(join(ROOT, 'renderer/public/favicon.svg'), 'utf8')).toBe(
      readFileSync(join(ROOT, ICON_SOURCES.logo), 'utf8'),
    );
  });

  it('the window, the system notifications and the tray point at them', () => {
    const options = mainWindowOptions({ width: 1000, height: 700 }, { root: ROOT, preload: '/app/preload.cjs' });
    expect(options.icon).toBe(iconPath(ROOT, 'large'));
    expect(options).toMatchObject({ title: 'Lionagi Learn', width: 1000, height: 700, show: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
    });

    const alert = { title: '3 reviews due', body: 'A few minutes', itemId: 'reviews-due/2026-12-05', link: '#/' };
    expect(desktopNotification(alert, windowIcon(ROOT))).toEqual({
      title: '3 reviews due',
      body: 'A few minutes',
      icon: join(ROOT, 'build/icons/256x256.png'),
      route: '#/notifications?item=reviews-due%2F2026-12-05',
    });

    expect(trayIcon(ROOT, 'darwin')).toBe(join(ROOT, 'build/tray/trayTemplate.png'));
    expect(trayIcon(ROOT, 'linux')).toBe(join(ROOT, 'build/icons/32x32.png'));
    expect(trayIcon(ROOT, 'win32')).toBe(join(ROOT, 'build/icons/32x32.png'));
  });
});
