import type { Locator, Page } from 'playwright-core';

/** The first screen on a shared machine: pick a profile (with its PIN) or make one. */
export class ProfilePickerPage {
  readonly heading: Locator;
  readonly profiles: Locator;
  readonly newProfileButton: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Who is learning?' });
    this.profiles = page.getByRole('list', { name: 'Profiles' }).getByRole('button');
    this.newProfileButton = page.getByRole('button', { name: 'New profile' });
    this.alert = page.getByRole('alert');
  }

  async create(name: string, options: { pin?: string; avatar?: string; goal?: string } = {}): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New profile' });
    // The heading can show before the picker knows whether there are profiles: wait for one of the two.
    await form.or(this.newProfileButton).first().waitFor();
    if (!(await form.isVisible())) await this.newProfileButton.click();
    await form.getByLabel('Your name').fill(name);
    if (options.avatar) await form.getByRole('radio', { name: options.avatar }).check();
    if (options.goal) await form.getByLabel('What do you want to learn?').fill(options.goal);
    if (options.pin) await form.getByLabel(/^PIN/).fill(options.pin);
    await form.getByRole('button', { name: 'Create and start' }).click();
  }

  async pick(name: string, pin?: string): Promise<void> {
    await this.profiles.filter({ hasText: name }).click();
    if (pin !== undefined) await this.enterPin(name, pin);
  }

  async enterPin(name: string, pin: string): Promise<void> {
    const form = this.page.getByRole('form', { name: `PIN for ${name}` });
    await form.getByLabel(`PIN for ${name}`).fill(pin);
    await form.getByRole('button', { name: 'Open' }).click();
  }

  /** Into the app as `name`, making the profile the first time. */
  async enterAs(name: string): Promise<void> {
    await this.heading.waitFor();
    await this.page.getByRole('form', { name: 'New profile' }).or(this.profiles.first()).first().waitFor();
    if ((await this.profiles.filter({ hasText: name }).count()) > 0) await this.pick(name);
    else await this.create(name);
  }
}
