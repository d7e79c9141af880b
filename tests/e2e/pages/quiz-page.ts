import type { Locator, Page } from 'playwright-core';

/** A module's quiz: one item at a time, its feedback, and the summary at the end. */
export class QuizPage {
  readonly item: Locator;
  readonly position: Locator;
  readonly feedback: Locator;
  readonly problem: Locator;
  readonly summary: Locator;
  readonly check: Locator;
  readonly next: Locator;

  constructor(readonly page: Page) {
    this.item = page.getByTestId('quiz-item');
    this.position = this.item.locator('.quiz-position');
    this.feedback = page.getByTestId('quiz-feedback');
    this.problem = this.item.getByRole('alert');
    this.summary = page.getByTestId('quiz-summary');
    this.check = page.getByRole('button', { name: 'Check answer' });
    this.next = page.getByRole('button', { name: /Next question|See your results/ });
  }

  heading(text: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name: text });
  }

  /** The question's text, as shown. */
  prompt(): Promise<string> {
    return this.item.locator('.quiz-prompt').innerText();
  }

  async answerText(value: string): Promise<void> {
    await this.item.getByRole('textbox').fill(value);
    await this.check.click();
  }

  /** Picks choices by their 0-based index (a radio for one answer, checkboxes for several), then checks. */
  async answerChoices(indexes: number[]): Promise<void> {
    const options = this.item.locator('.quiz-choice input');
    for (const i of indexes) await options.nth(i).check();
    await this.check.click();
  }

  async verdict(): Promise<string> {
    await this.feedback.locator('.quiz-feedback').waitFor();
    return this.feedback.innerText();
  }

  retryMissed(): Locator {
    return this.page.getByRole('button', { name: /Retry missed items/ });
  }
}
