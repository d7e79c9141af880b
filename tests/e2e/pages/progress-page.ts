import type { Locator, Page } from 'playwright-core';

/** Your progress: completion bars, numbers, charts with table fallbacks. */
export class ProgressPage {
  readonly heading: Locator;
  readonly charts: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your progress' });
    this.charts = page.locator('figure.chart');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await this.heading.waitFor();
  }

  stat(label: string): Locator {
    const term = this.page.getByText(label, { exact: true });
    return this.page.locator('.stat').filter({ has: term }).locator('dd');
  }

  chart(title: string): Locator {
    return this.page.getByRole('figure', { name: title });
  }

  /** The rows of a chart's table fallback, as [label, value]. */
  async tableOf(title: string): Promise<string[][]> {
    const chart = this.chart(title);
    await chart.getByText('Show as a table').click();
    const rows = chart.locator('tbody tr');
    return Promise.all(
      (await rows.all()).map(async (r) => (await r.locator('th, td').allInnerTexts()).map((t) => t.trim())),
    );
  }
}
