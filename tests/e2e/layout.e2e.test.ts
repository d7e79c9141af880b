import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { SCREENSHOTS } from './support/browser.js';
import { lookOf } from './pages/control-look.js';
import { ExercisePage } from './pages/exercise-page.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ProfilePickerPage } from './pages/profile-picker-page.js';
import { SearchBox } from './pages/search-box.js';
import { MAIN_SCREENS, ScreenFit } from './pages/screen-fit.js';

// The largest text size a learner can pick (the fontSize preference's maximum).
const LARGEST_TEXT = 28;

// Every width in both themes, at the default and the largest text size.
const LAYOUTS = [320, 400, 1280, 1920].flatMap((width) =>
  (['light', 'dark'] as const).flatMap((theme) => [undefined, LARGEST_TEXT].map((text) => ({ width, theme, text }))),
);

// Every main screen fits the window, from a phone-narrow 320 px to 1,920 px and at the largest text:
// no sideways scroll outside code blocks, and no serious accessibility violation, in both themes.
describe('every main screen fits the window in Chromium', () => {
  const app = appInChromium('e2e-layout-', { width: 1280, height: 900 });

  for (const layout of LAYOUTS) {
    const label = `${layout.width}px, ${layout.theme}${layout.text ? `, ${layout.text}px text` : ''}`;
    it(`fits at ${label}`, { timeout: 120_000 }, async () => {
      const { page, errors } = app;
      const fit = new ScreenFit(page);
      await page.setViewportSize({ width: layout.width, height: 900 });
      // The profile picker, the first screen on a shared machine.
      await page.goto(app.url);
      const picker = new ProfilePickerPage(page);
      await picker.heading.waitFor();
      expect(await fit.culprits(), `profile picker at ${label}`).toEqual([]);
      expect(await fit.overflow(), `profile picker at ${label}`).toBeLessThanOrEqual(0);
      await expectNoSeriousViolations(page);
      await picker.enterAs(`Fit${layout.width}${layout.theme}${layout.text ?? ''}`);
      await new ModuleListPage(page).heading.waitFor();
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
      // The search results drop down over the page, inside the window too.
      await new SearchBox(page).type('function');
      expect(await fit.culprits(), `search at ${label}`).toEqual([]);
      expect(await fit.overflow(), `search at ${label}`).toBeLessThanOrEqual(0);
      await expectNoSeriousViolations(page);
      expect(errors).toEqual([]);
    });
  }
});

// Primary, secondary, danger and disabled buttons look different (not by opacity alone), the editor's
// focus ring shows, focus stays on the next step after "Mark lesson as done", selects look like fields.
describe('buttons and fields show their state in Chromium', () => {
  const app = appInChromium('e2e-controls-', { width: 1280, height: 900 });

  for (const theme of ['light', 'dark'] as const) {
    it(`tells primary, secondary, danger and disabled apart and rings the editor in the ${theme} theme`, async () => {
      const { page, errors } = app;
      await new ModuleListPage(page).open(app.url, `Buttons${theme}`);
      const fit = new ScreenFit(page);
      await fit.setTheme(theme);

      // Selects look like the text fields beside them.
      const select = await lookOf(page.getByLabel('Theme'));
      const field = await lookOf(page.getByRole('searchbox', { name: /^Search/ }));
      expect({ border: select.borderColor, radius: select.borderRadius, background: select.background }).toEqual({
        border: field.borderColor,
        radius: field.borderRadius,
        background: field.background,
      });

      await fit.open(MAIN_SCREENS.find((s) => s.name === 'exercise')!);
      const exercise = new ExercisePage(page);
      await exercise.editor.waitFor();
      const secondary = await lookOf(exercise.button('Reset to starter'));
      const primary = await lookOf(exercise.button('Submit'));
      expect(primary.background).not.toBe(secondary.background);
      expect(primary.color).not.toBe(secondary.color);
      expect(secondary.cursor).toBe('pointer');

      // Every hint taken: the hint button is disabled, and says so by more than opacity.
      for (let i = 0; i < 3; i++) await exercise.button(/^Hint/).click();
      const disabled = await lookOf(exercise.button(/^Hint/));
      expect(disabled.disabled).toBe(true);
      expect(disabled.cursor).toBe('not-allowed');
      expect(disabled.borderStyle).toBe('dashed');
      expect(secondary.borderStyle).toBe('solid');

      // The confirm dialog's destructive action is a danger button, unlike its cancel.
      await exercise.button('Reset to starter').click();
      const dialog = exercise.dialog(/./);
      const cancel = await lookOf(dialog.getByRole('button', { name: 'Cancel' }));
      const danger = await lookOf(dialog.getByRole('button').last());
      expect(danger.color).not.toBe(cancel.color);
      expect(danger.borderColor).not.toBe(cancel.borderColor);
      await page.keyboard.press('Escape');

      // The editor's focus ring is drawn on its host, outside the clipping shadow root.
      await exercise.editor.focus();
      const ring = await lookOf(page.getByTestId('code-editor'));
      expect({ style: ring.outlineStyle, width: ring.outlineWidth }).toEqual({ style: 'solid', width: '3px' });
      await page.screenshot({ path: join(SCREENSHOTS, `controls-exercise-${theme}.png`), fullPage: true });
      await expectNoSeriousViolations(page);

      // Marked done by keyboard, the focus moves to the next step, not the page's body.
      await fit.open(MAIN_SCREENS.find((s) => s.name === 'lesson')!);
      const lesson = new LessonPage(page);
      await lesson.markDone.focus();
      await page.keyboard.press('Enter');
      await lesson.doneStatus.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Next: /);
      expect(errors).toEqual([]);
    });
  }
});
