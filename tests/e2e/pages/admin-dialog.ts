import type { Locator, Page } from 'playwright-core';

/** The machine admin: the gate's explanation, and the dialog that sets a password or unlocks. */
export class AdminDialog {
  readonly dialog: Locator;
  readonly explanations: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.explanations = page.locator('.admin-explain');
    this.alert = this.dialog.getByRole('alert');
  }

  /** Opens the dialog from the first gate (or Settings' panel) button with this name, by keyboard. */
  async openWith(buttonName: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: buttonName }).first().focus();
    await this.page.keyboard.press('Enter');
    await this.dialog.waitFor();
  }

  /** A fresh machine: the first admin password, typed twice, by keyboard only. */
  async setPassword(password: string): Promise<void> {
    await this.dialog.getByRole('heading', { name: 'Set an admin password' }).waitFor();
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
    await this.dialog.waitFor({ state: 'hidden' });
  }

  async unlock(password: string): Promise<void> {
    await this.dialog.getByRole('heading', { name: 'Unlock admin' }).waitFor();
    await this.dialog.getByLabel('Admin password').fill(password);
    await this.dialog.getByRole('button', { name: 'Unlock' }).click();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock admin' }).click();
    await this.page.getByRole('button', { name: 'Unlock admin' }).first().waitFor();
  }
}
