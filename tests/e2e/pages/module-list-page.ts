import type { Locator, Page } from 'playwright-core';

/** The first screen: installed modules as cards. */
export class ModuleListPage {
  readonly heading: Locator;
  readonly modules: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your modules' });
    this.modules = page.getByRole('list', { name: 'Installed modules' }).getByTestId('module-link');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.heading.waitFor();
    await this.modules.first().waitFor();
  }

  async moduleTitles(): Promise<string[]> {
    return this.modules.locator('.module-title').allInnerTexts();
  }

  async openModule(title: string): Promise<void> {
    await this.modules.filter({ hasText: title }).first().click();
  }
}
