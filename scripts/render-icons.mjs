// Renders the app's icons (main/electron/app-identity.ts, APP_ICONS) from their SVG sources with Debian's
// Chromium, and copies the logo to the browser face's favicon: `node scripts/render-icons.mjs`. The PNGs are
// committed, so building the app needs neither this script nor a browser.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Kept in step with APP_ICONS and ICON_SOURCES (app-identity.test.ts checks every file and size).
const SOURCES = { logo: 'build/icon.svg', trayTemplate: 'build/tray-template.svg' };
const ICONS = [
  ['build/icon.png', 512, 'logo'],
  ['build/icons/512x512.png', 512, 'logo'],
  ['build/icons/256x256.png', 256, 'logo'],
  ['build/icons/32x32.png', 32, 'logo'],
  ['build/icons/16x16.png', 16, 'logo'],
  ['build/tray/trayTemplate.png', 16, 'trayTemplate'],
  ['build/tray/trayTemplate@2x.png', 32, 'trayTemplate'],
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [file, size, source] of ICONS) {
    const svg = readFileSync(join(ROOT, SOURCES[source]), 'utf8').replace(
      '<svg ',
      `<svg width="${size}" height="${size}" `,
    );
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${svg}</body>`);
    mkdirSync(dirname(join(ROOT, file)), { recursive: true });
    // Transparent around the rounded corners: no white square behind the logo.
    await page.locator('svg').screenshot({ path: join(ROOT, file), omitBackground: true });
    console.log(`${file} ${size}x${size}`);
  }
} finally {
  await browser.close();
}
copyFileSync(join(ROOT, SOURCES.logo), join(ROOT, 'renderer/public/favicon.svg'));
