import type { Locator, Page } from 'playwright-core';
import { DateField } from './time-field.js';

/** Home's Assignments panel: the learner's assignments and the join form. */
export class AssignmentsPanel {
  readonly section: Locator;
  readonly items: Locator;
  readonly codeField: Locator;
  readonly joinButton: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Assignments' });
    this.items = this.section.getByTestId('assignment');
    const form = this.section.getByRole('form', { name: 'Join a class' });
    this.codeField = form.getByLabel('Class code');
    this.joinButton = form.getByRole('button', { name: 'Join class' });
  }

  async goHome(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Modules' }).click();
    await this.section.waitFor();
  }

  /** Types the code and presses Enter, as a learner copying it from the board would. */
  async join(code: string): Promise<void> {
    const summary = this.section.locator('summary');
    if (!(await this.codeField.isVisible())) await summary.click();
    await this.codeField.fill(code);
    await this.codeField.press('Enter');
  }

  item(title: string): Locator {
    return this.items.filter({ hasText: title });
  }
}

/** The teacher's Classes screen. */
export class ClassesPage {
  readonly heading: Locator;
  readonly joinCode: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Classes' });
    this.joinCode = page.getByTestId('join-code');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Classes' }).click();
    await this.heading.waitFor();
  }

  async createClass(name: string): Promise<void> {
    await this.page.getByLabel('New class name').fill(name);
    await this.page.getByRole('button', { name: 'Create class' }).click();
    await this.joinCode.waitFor();
  }

  async assign(what: 'Lesson' | 'Exercise' | 'Module quiz', module: string, item: string, dueDate: string) {
    const form = this.page.getByRole('form', { name: 'Assign work' });
    await form.getByLabel('What').selectOption({ label: what });
    await form.getByLabel('Module').selectOption({ label: module });
    const itemSelect = form.getByLabel(what, { exact: true });
    await itemSelect.locator('option', { hasText: item }).waitFor({ state: 'attached' });
    await itemSelect.selectOption({ label: item });
    await new DateField(form, 'Due date (optional)').set(dueDate);
    await form.getByRole('button', { name: 'Assign' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `Assigned “${item}”` })
      .waitFor();
  }

  members(): Locator {
    return this.page.locator('.member-list li');
  }
}
