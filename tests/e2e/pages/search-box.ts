import type { Locator, Page } from 'playwright-core';

/** The search box in the header, with results as you type. */
export class SearchBox {
  readonly input: Locator;
  readonly hits: Locator;
  /** "Nothing found for … Showing results for …": the query was respelled. */
  readonly respelled: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByRole('searchbox', { name: 'Search lessons, exercises and quizzes' });
    this.hits = page.getByTestId('search-hit');
    this.respelled = page.getByTestId('search-respelled');
  }

  async type(text: string): Promise<void> {
    await this.input.pressSequentially(text, { delay: 30 });
    await this.hits.first().waitFor();
  }
}
