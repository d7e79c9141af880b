import type { Locator, Page } from 'playwright-core';

/** The catalog: import a pack, see installed packs and their versions. */
export class CatalogPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly success: Locator;
  readonly error: Locator;
  readonly packs: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Catalog' });
    this.fileInput = page.getByTestId('pack-file');
    this.success = page.locator('.panel').getByRole('status');
    this.error = page.locator('.panel').getByRole('alert');
    this.packs = page.getByRole('list', { name: 'Installed packs' }).locator(':scope > li');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await this.heading.waitFor();
  }

  async importFile(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
  }

  pack(title: string): Locator {
    return this.page.getByRole('listitem', { name: title });
  }
}
