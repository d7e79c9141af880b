import type { Locator } from 'playwright-core';

/**
 * The app's time of day field (renderer/src/components/TimeField.tsx): a group named by its label with an hour,
 * a minute and, in a 12-hour language, an AM/PM list. Set and read as "HH:MM", 24-hour, whatever it shows.
 */
export class TimeField {
  readonly group: Locator;

  constructor(scope: Locator, label: string) {
    this.group = scope.getByRole('group', { name: label, exact: true });
  }

  /** The lists in order: hour, minute, and the day period where the language has one. */
  #parts = () => this.group.getByRole('combobox');

  async hasDayPeriod(): Promise<boolean> {
    return (await this.#parts().count()) === 3;
  }

  async set(time: string): Promise<void> {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    const twelve = await this.hasDayPeriod();
    await this.#parts()
      .nth(0)
      .selectOption(String(twelve ? hours % 12 : hours));
    await this.#parts().nth(1).selectOption(String(minutes));
    if (twelve)
      await this.#parts()
        .nth(2)
        .selectOption(String(hours >= 12 ? 1 : 0));
  }

  async value(): Promise<string> {
    const [hour, minute, period] = await Promise.all(
      [0, 1, 2].map(async (i) =>
        i < (await this.#parts().count()) ? Number(await this.#parts().nth(i).inputValue()) : 0,
      ),
    );
    const hours = hour! + 12 * period!;
    return `${String(hours).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }

  /** The options the hour list shows, as the learner reads them. */
  async hourLabels(): Promise<string[]> {
    return this.#parts().nth(0).locator('option').allInnerTexts();
  }

  async isEnabled(): Promise<boolean> {
    return this.#parts().nth(0).isEnabled();
  }
}

/**
 * The app's date field (renderer/src/components/DateField.tsx): day, month and year lists in a group named by its
 * label, in the order the language writes them. Set as "YYYY-MM-DD".
 */
export class DateField {
  readonly group: Locator;

  constructor(scope: Locator, label: string) {
    this.group = scope.getByRole('group', { name: label, exact: true });
  }

  /** The lists' names in the order they show (German: Tag, Monat, Jahr). */
  async order(): Promise<string[]> {
    return this.group
      .getByRole('combobox')
      .evaluateAll((lists) => lists.map((l) => l.getAttribute('aria-label') ?? ''));
  }

  async set(date: string): Promise<void> {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const lists = this.group.getByRole('combobox');
    const names = await this.order();
    const value = { Day: day, Tag: day, Month: month, Monat: month, Year: year, Jahr: year } as Record<string, number>;
    for (const [i, name] of names.entries()) await lists.nth(i).selectOption(String(value[name]));
  }
}
