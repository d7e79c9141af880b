import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { SCREENSHOTS } from './support/browser.js';
import { ExercisePage } from './pages/exercise-page.js';
import { Keyboard } from './pages/keyboard.js';
import { QuizPage } from './pages/quiz-page.js';

// The main flow with the keyboard alone: make a profile, open a module and a lesson, mark it done, solve and
// submit an exercise in the real sandbox, leave the editor, and answer a quiz item. Every control is reached
// with Tab and used with Enter, Space or the arrows; a control Tab cannot reach fails the test by name.
describe('the main flow, keyboard only, in Chromium', () => {
  const app = appInChromium('e2e-keyboard-', { width: 1280, height: 900 });

  it(
    'goes from a new profile to a submitted exercise and a quiz answer without a pointer',
    { timeout: 120_000 },
    async () => {
      const { page, errors } = app;
      const keys = new Keyboard(page);
      const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
      await page.goto(app.url);
      await heading('Who is learning?');

      // A new profile: the form's fields in Tab order, the name typed, created with Enter.
      // The heading can come before the picker's body: wait for the form or its button, whichever the
      // picker shows (no profile yet: the form), before deciding.
      const form = page.getByRole('form', { name: 'New profile' });
      await form
        .or(page.getByRole('button', { name: /^New profile$/ }))
        .first()
        .waitFor();
      if (!(await form.isVisible())) await keys.activate(/^New profile$/);
      await keys.tabTo(/^Your name/);
      await page.keyboard.type('Keys');
      await keys.activate(/^Create and start$/);
      await heading('Your modules');

      // Home -> module -> lesson; marking it done moves focus to the next step, one Enter away.
      await keys.activate(/First steps/);
      await heading('First steps');
      await keys.activate(/^Hello, Python/);
      await heading('Hello, Python');
      await keys.activate(/^Mark lesson as done$/);
      await expect.poll(() => keys.focusedName()).toMatch(/^Next: Values and variables/);
      await page.keyboard.press('Enter');
      await heading('Values and variables');
      await expectNoSeriousViolations(page);

      // Back to the module by its breadcrumb, then an exercise.
      await keys.activate(/^First steps$/);
      await heading('First steps');
      await keys.activate(/^Split the bill/);
      await heading('Split the bill');
      const exercise = new ExercisePage(page);
      await keys.tabTo(/^Code for /);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.insertText('def split_bill(total_cents, people):\n    return divmod(total_cents, people)\n');
      // Tab indents inside the editor; Escape then Tab leaves it (no keyboard trap).
      await page.keyboard.press('Escape');
      await keys.tabTo(/^Submit/);
      await page.keyboard.press('Enter');
      await exercise.testsStatus.filter({ hasText: /Well done!$/ }).waitFor({ timeout: 60_000 });
      await expect.poll(() => keys.focusedName()).toMatch(/^Next: Boxes needed/);
      await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-exercise-passed.png'), fullPage: true });
      await expectNoSeriousViolations(page, '[data-testid="results"]');

      // A quiz item: choices with the arrow keys, checked with Enter.
      await page.evaluate(() => (location.hash = '#/modules/python-foundations/first-steps'));
      await heading('First steps');
      await keys.activate(/quiz/i);
      const quiz = new QuizPage(page);
      await quiz.item.waitFor();
      await keys.tabToElement('[data-testid="quiz-item"] input');
      const kind = await page.evaluate(() => (document.activeElement as HTMLInputElement).type);
      if (kind === 'radio' || kind === 'checkbox') await page.keyboard.press('Space');
      else await page.keyboard.type('42');
      await keys.activate(/^Check answer$/);
      await quiz.feedback.locator('.quiz-feedback').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-quiz-feedback.png'), fullPage: true });
      await expectNoSeriousViolations(page);
      expect(errors).toEqual([]);
    },
  );
});
