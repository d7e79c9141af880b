import type { Locator, Page } from 'playwright-core';

/** Settings: the trusted pack keys. */
export class SettingsPage {
  readonly keys: Locator;

  constructor(readonly page: Page) {
    this.keys = page.getByRole('list', { name: 'Trusted keys' }).getByRole('listitem');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  }

  async trustKey(label: string, publicKey: string): Promise<void> {
    await this.page.getByLabel('Whose key is it').fill(label);
    await this.page.getByLabel('Public key (the contents of pack-signing.pub)').fill(publicKey);
    await this.page.getByRole('button', { name: 'Trust this key' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Now trusting key' }).waitFor();
  }
}
