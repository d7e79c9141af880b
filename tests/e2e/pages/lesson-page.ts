import type { Locator, Page } from 'playwright-core';

/** A lesson: rendered Markdown, highlighted code, previous and next links. */
export class LessonPage {
  readonly body: Locator;
  readonly title: Locator;
  readonly highlightedTokens: Locator;
  readonly next: Locator;
  readonly previous: Locator;

  constructor(readonly page: Page) {
    this.body = page.getByTestId('lesson-body');
    this.title = this.body.locator('h1');
    this.highlightedTokens = this.body.locator('pre code.hljs span[class^="hljs-"]');
    this.next = page.getByRole('link', { name: 'Next lesson →' });
    this.previous = page.getByRole('link', { name: '← Previous lesson' });
  }

  async waitForLesson(title: string): Promise<void> {
    await this.title.filter({ hasText: title }).waitFor();
  }
}
