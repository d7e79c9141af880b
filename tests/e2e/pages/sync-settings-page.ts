import type { Locator, Page } from 'playwright-core';

/** Settings, Sync section: linking the open profile to a sync-server account, and its status. */
export class SyncSettingsPage {
  readonly section: Locator;
  /** The status line; it comes before the outcome notice, which is also a status when it is good news. */
  readonly status: Locator;
  readonly alert: Locator;
  readonly serverAddress: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly linkButton: Locator;
  readonly syncNowButton: Locator;
  readonly unlinkButton: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Sync', exact: true });
    this.status = this.section.getByRole('status').first();
    this.alert = this.section.getByRole('alert');
    const form = this.section.getByRole('form', { name: 'Link to an account' });
    this.serverAddress = form.getByLabel('Server address');
    this.email = form.getByLabel('Email');
    this.password = form.getByLabel('Password');
    this.linkButton = form.getByRole('button', { name: 'Link', exact: true });
    this.syncNowButton = this.section.getByRole('button', { name: 'Sync now' });
    this.unlinkButton = this.section.getByRole('button', { name: 'Unlink' });
  }

  async link(serverUrl: string, email: string, password: string): Promise<void> {
    await this.serverAddress.fill(serverUrl);
    await this.email.fill(email);
    await this.password.fill(password);
    await this.linkButton.click();
  }

  /** Resolves once the status line says `text`; the app pushes changes, so no reload is needed. */
  async waitForStatus(text: string | RegExp): Promise<void> {
    await this.status.filter({ hasText: text }).waitFor();
  }

  /** Changes the server has not confirmed, asked of the face the screen uses: the status line hides a zero. */
  async pending(): Promise<number> {
    return this.page.evaluate(async () => {
      const session = sessionStorage.getItem('lionlearn.session')!;
      type Answer = { ok: boolean; value: { pending: number } };
      const bridge = (window as unknown as { learn: { getSyncStatus(i: unknown): Promise<Answer> } }).learn;
      const answer = await bridge.getSyncStatus({ session });
      if (!answer.ok) throw new Error(JSON.stringify(answer));
      return answer.value.pending;
    });
  }

  async isFocused(field: Locator): Promise<boolean> {
    return field.evaluate((element) => element === document.activeElement);
  }
}
