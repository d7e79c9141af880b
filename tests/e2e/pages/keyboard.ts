import type { Page } from 'playwright-core';

/**
 * Drives a page the way a keyboard-only learner does: Tab until the control is focused, then a key.
 * No clicks, no fills: if a control cannot be reached with Tab, the test fails naming it.
 */
export class Keyboard {
  constructor(readonly page: Page) {}

  /** The focused element's accessible name, as near as the page tells it: label, aria-label, text. */
  focusedName(): Promise<string> {
    return this.page.evaluate(() => {
      let el = document.activeElement as HTMLElement | null;
      // The code editor lives in a shadow root: the focus is on the element inside it.
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
      if (!el || el === document.body) return '';
      const labelled = el.getAttribute('aria-labelledby');
      const root = el.getRootNode() as Document | ShadowRoot;
      const byId = labelled
        ?.split(' ')
        .map((id) => root.getElementById(id)?.textContent ?? '')
        .join(' ');
      const label = (el as HTMLInputElement).labels?.[0]?.textContent;
      return (el.getAttribute('aria-label') ?? byId ?? label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  }

  /** Presses Tab (or Shift+Tab) until the focused control's name matches; fails after `limit` presses. */
  async tabTo(name: RegExp, { backwards = false, limit = 120 } = {}): Promise<void> {
    const seen: string[] = [];
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      const focused = await this.focusedName();
      if (name.test(focused)) return;
      seen.push(focused);
    }
    throw new Error(
      `No control named ${String(name)} within ${limit} Tab presses; passed: ${seen.slice(0, 40).join(' | ')}`,
    );
  }

  /** Presses Tab until the focused element matches a CSS selector (a control known by its place, not its name). */
  async tabToElement(selector: string, limit = 120): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press('Tab');
      if (await this.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Nothing matching ${selector} within ${limit} Tab presses`);
  }

  /** Tab to the control, then activate it with Enter. */
  async activate(name: RegExp): Promise<void> {
    await this.tabTo(name);
    await this.page.keyboard.press('Enter');
  }
}
