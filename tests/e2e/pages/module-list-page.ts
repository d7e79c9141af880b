import type { Locator, Page } from 'playwright-core';
import { ProfilePickerPage } from './profile-picker-page.js';

/** The first screen: installed modules as cards. */
export class ModuleListPage {
  readonly heading: Locator;
  readonly modules: Locator;
  /** "Continue where you left off": the link back to the last step. */
  readonly continueLink: Locator;
  readonly continuePanel: Locator;
  /** The learning path's visible steps, in order. */
  readonly pathSteps: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your modules' });
    this.modules = page.getByRole('list', { name: 'Installed modules' }).getByTestId('module-link');
    this.continuePanel = page.getByTestId('continue');
    this.continueLink = this.continuePanel.getByRole('link');
    this.pathSteps = page.getByRole('list', { name: /^Steps toward/ }).getByRole('listitem');
  }

  pathStep(status: 'done' | 'next' | 'open' | 'locked'): Locator {
    return this.pathSteps.and(this.page.locator(`[data-status="${status}"]`));
  }

  /** Loads the app and goes past the profile picker as `learner`. */
  async open(url: string, learner = 'Tester'): Promise<void> {
    await this.page.goto(url);
    await new ProfilePickerPage(this.page).enterAs(learner);
    await this.heading.waitFor();
    await this.modules.first().waitFor();
  }

  /** A module card's progress mark (symbol and words). */
  progressOf(title: string): Locator {
    return this.modules.filter({ hasText: title }).first().locator('.module-progress');
  }

  async moduleTitles(): Promise<string[]> {
    return this.modules.locator('.module-title').allInnerTexts();
  }

  async openModule(title: string): Promise<void> {
    await this.modules.filter({ hasText: title }).first().click();
  }
}
