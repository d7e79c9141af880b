import type { Locator, Page } from 'playwright-core';

/** A test of a pack or module: its start screen, one question at a time, and the report. */
export class AssessmentPage {
  readonly start: Locator;
  readonly item: Locator;
  readonly position: Locator;
  readonly timeLeft: Locator;
  readonly save: Locator;
  readonly handIn: Locator;
  readonly report: Locator;
  readonly studyNext: Locator;

  constructor(readonly page: Page) {
    this.start = page.getByRole('button', { name: 'Start the test' });
    this.item = page.getByTestId('assessment-item');
    this.position = this.item.locator('.quiz-position');
    this.timeLeft = page.getByRole('timer');
    this.save = page.getByRole('button', { name: 'Save answer' });
    this.handIn = page.getByRole('button', { name: 'Hand in now' });
    this.report = page.getByTestId('assessment-report');
    this.studyNext = page.getByTestId('study-next');
  }

  heading(text: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name: text });
  }

  /** Answers whatever is asked with a valid answer of its kind (the first choice, or "1"), then saves. */
  async answerAny(): Promise<void> {
    const choices = this.item.locator('.quiz-choice input');
    if ((await choices.count()) > 0) await choices.first().check();
    else await this.item.getByRole('textbox').fill('1');
    await this.save.click();
  }

  /** The question number shown, once it shows. */
  async questionNumber(): Promise<number> {
    await this.position.waitFor();
    return Number(/Question (\d+)/.exec(await this.position.innerText())![1]);
  }
}
