import type { Locator, Page } from 'playwright-core';

/** A lesson: rendered Markdown, highlighted code, previous and next links. */
export class LessonPage {
  readonly body: Locator;
  readonly title: Locator;
  readonly highlightedTokens: Locator;
  /** The next step in teaching order (a lesson, the module's exercises, its quiz). */
  readonly next: Locator;
  readonly previous: Locator;
  readonly markDone: Locator;
  readonly doneStatus: Locator;

  constructor(readonly page: Page) {
    this.body = page.getByTestId('lesson-body');
    this.title = this.body.locator('h1');
    this.highlightedTokens = this.body.locator('pre code.hljs span[class^="hljs-"]');
    this.next = page.getByRole('navigation', { name: 'Lesson navigation' }).getByTestId('next-step');
    this.previous = page.getByRole('link', { name: '← Previous lesson' });
    this.markDone = page.getByRole('button', { name: 'Mark lesson as done' });
    this.doneStatus = page.getByRole('status').filter({ hasText: /Done on/ });
  }

  async waitForLesson(title: string): Promise<void> {
    await this.title.filter({ hasText: title }).waitFor();
  }
}
