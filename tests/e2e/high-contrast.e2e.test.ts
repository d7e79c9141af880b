import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { SCREENSHOTS } from './support/browser.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { MAIN_SCREENS, ScreenFit } from './pages/screen-fit.js';

/** WCAG's contrast ratio of the body's text on the main area's background, from computed colours. */
const textContrast = (page: Page) =>
  page.evaluate(() => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (css: string) => {
      const [r, g, b] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const style = getComputedStyle(document.body);
    const [a, b] = [lum(style.color), lum(getComputedStyle(document.documentElement).backgroundColor)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });

// The high-contrast option: chosen in Settings (or asked for by the OS), in both themes, on every main screen.
describe('high contrast in Chromium', () => {
  const app = appInChromium('e2e-contrast-', { width: 1280, height: 900 });

  for (const theme of ['light', 'dark'] as const) {
    it(`turns on from Settings in the ${theme} theme: 21:1 text, no serious violation on any screen`, async () => {
      const { page, errors } = app;
      await new ModuleListPage(page).open(app.url, `Hi ${theme}`);
      const fit = new ScreenFit(page);
      await fit.setTheme(theme);
      const normal = await textContrast(page);
      await page.getByLabel('Contrast').selectOption('high');
      await page.waitForFunction(() => document.documentElement.dataset.contrast === 'high');
      // Black on white or white on black, up from the normal theme's.
      expect(await textContrast(page)).toBeCloseTo(21, 0);
      expect(normal).toBeLessThan(20);
      for (const screen of MAIN_SCREENS) {
        await fit.open(screen);
        if (screen.name === 'exercise') await page.getByRole('textbox', { name: /^Code for / }).waitFor();
        await page.screenshot({ path: join(SCREENSHOTS, `contrast-${screen.name}-${theme}.png`), fullPage: true });
        await expectNoSeriousViolations(page);
      }
      expect(errors).toEqual([]);
    });
  }

  it('follows the OS asking for more contrast unless the learner set normal', async () => {
    const { page } = app;
    await page.emulateMedia({ contrast: 'more' });
    await new ModuleListPage(page).open(app.url, 'Hi system');
    await page.waitForFunction(() => document.documentElement.dataset.contrast === 'high');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Contrast').selectOption('normal');
    await page.waitForFunction(() => document.documentElement.dataset.contrast === undefined);
    await page.getByLabel('Contrast').selectOption('system');
    await page.waitForFunction(() => document.documentElement.dataset.contrast === 'high');
    await page.emulateMedia({ contrast: 'no-preference' });
    await page.waitForFunction(() => document.documentElement.dataset.contrast === undefined);
  });
});
