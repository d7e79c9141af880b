import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { SCREENSHOTS } from './support/browser.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { MAIN_SCREENS, ScreenFit } from './pages/screen-fit.js';

// The largest text size a learner can pick (the fontSize preference's maximum).
const LARGEST_TEXT = 28;

const LAYOUTS = [
  { width: 320, theme: 'light', text: undefined },
  { width: 400, theme: 'dark', text: undefined },
  { width: 1280, theme: 'light', text: undefined },
  { width: 1920, theme: 'dark', text: undefined },
  { width: 320, theme: 'light', text: LARGEST_TEXT },
  { width: 400, theme: 'light', text: LARGEST_TEXT },
  { width: 1280, theme: 'dark', text: LARGEST_TEXT },
] as const;

// Every main screen fits the window, from a phone-narrow 320 px to 1,920 px and at the largest text:
// no sideways scroll outside code blocks, and no serious accessibility violation, in both themes.
describe('every main screen fits the window in Chromium', () => {
  const app = appInChromium('e2e-layout-', { width: 1280, height: 900 });

  for (const layout of LAYOUTS) {
    const label = `${layout.width}px, ${layout.theme}${layout.text ? `, ${layout.text}px text` : ''}`;
    it(`fits at ${label}`, { timeout: 120_000 }, async () => {
      const { page, errors } = app;
      await page.setViewportSize({ width: layout.width, height: 900 });
      await new ModuleListPage(page).open(app.url, `Fit${layout.width}${layout.theme}${layout.text ?? ''}`);
      const fit = new ScreenFit(page);
      await fit.setTheme(layout.theme);
      if (layout.text) await fit.setTextSize(layout.text);
      for (const screen of MAIN_SCREENS) {
        await fit.open(screen);
        if (screen.name === 'exercise') await page.getByRole('textbox', { name: /^Code for / }).waitFor();
        const tag = `${screen.name} at ${label}`;
        expect({ tag, overflow: await fit.overflow(), culprits: await fit.culprits() }).toEqual({
          tag,
          overflow: expect.any(Number) as number,
          culprits: [],
        });
        expect(await fit.overflow(), tag).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: join(
            SCREENSHOTS,
            `layout-${screen.name}-${layout.width}-${layout.theme}-${layout.text ?? 'default'}.png`,
          ),
          fullPage: true,
        });
        await expectNoSeriousViolations(page);
      }
      expect(errors).toEqual([]);
    });
  }
});
