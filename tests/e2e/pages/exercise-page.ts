import type { Locator, Page } from 'playwright-core';

/** An exercise: prompt, CodeMirror editor, one results panel (live tests, run output, submission), hints, drafts. */
export class ExercisePage {
  readonly editor: Locator;
  readonly tests: Locator;
  /** The results panel under the editor, and its one announced line. */
  readonly results: Locator;
  readonly testsStatus: Locator;
  readonly stdout: Locator;
  /** Whether the draft is saved ("Your code is saved."). */
  readonly draftState: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByRole('textbox', { name: /^Code for / });
    this.results = page.getByTestId('results');
    this.tests = this.results.getByRole('list', { name: 'Test results' }).locator('li');
    this.testsStatus = this.results.getByRole('status');
    this.stdout = page.getByTestId('run-stdout');
    this.draftState = page.getByTestId('draft-state');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('toolbar', { name: 'Exercise actions' }).getByRole('button', { name });
  }

  /** An open confirm dialog, by its title. */
  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** The editor's text as the learner sees it, without the empty lines at its end. */
  async code(): Promise<string> {
    return (await this.editor.innerText()).replace(/\u00a0/g, ' ').trimEnd();
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

  /** Whether the element is at least partly inside the window, where the learner looks. */
  async inView(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
    });
  }
}
