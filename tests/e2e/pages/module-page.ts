import type { Locator, Page } from 'playwright-core';

/** One module: its description and ordered lessons. */
export class ModulePage {
  readonly lessons: Locator;
  /** "Your progress" for the whole module. */
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.lessons = page.getByTestId('lesson-link');
    this.progress = page.getByTestId('module-progress');
  }

  /** The progress mark of the lesson or exercise titled `title`. */
  markOf(title: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) })
      .getByTestId('progress-mark');
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  async lessonTitles(): Promise<string[]> {
    await this.lessons.first().waitFor();
    return this.lessons.allInnerTexts();
  }

  async openLesson(title: string): Promise<void> {
    await this.lessons.filter({ hasText: title }).click();
  }
}
