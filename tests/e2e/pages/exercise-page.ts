import type { Locator, Page } from 'playwright-core';

/** An exercise: prompt, CodeMirror editor, live tests, run output, submit, hints, reset. */
export class ExercisePage {
  readonly editor: Locator;
  readonly tests: Locator;
  readonly testsStatus: Locator;
  readonly stdout: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByRole('textbox', { name: /^Code for / });
    this.tests = page.getByRole('list', { name: 'Test results' }).locator('li');
    this.testsStatus = page.locator('.tests-panel [role="status"]');
    this.stdout = page.getByTestId('run-stdout');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('toolbar', { name: 'Exercise actions' }).getByRole('button', { name });
  }

  /**
   * Replaces the editor's text: select all, delete, then the new text as one insertion (no
   * auto-indent). Typing over a selection instead makes Chromium's editing engine try an inline
   * style on a passing node, which the CSP blocks (harmlessly) and the console reports.
   */
  async replaceCode(code: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.insertText(code);
  }
}
