import type { Page } from 'playwright-core';

/** The main screens a learner reaches, by hash route, each with the level-1 heading that says it loaded. */
export const MAIN_SCREENS = [
  { name: 'home', hash: '#/', heading: 'Your modules' },
  { name: 'module', hash: '#/modules/python-foundations/first-steps', heading: 'First steps' },
  { name: 'lesson', hash: '#/lessons/python-foundations/hello-python', heading: 'Hello, Python' },
  { name: 'exercise', hash: '#/exercises/python-foundations/clock-time', heading: 'Seconds on the clock' },
  { name: 'catalog', hash: '#/catalog', heading: 'Catalog' },
  { name: 'settings', hash: '#/settings', heading: 'Settings' },
  { name: 'progress', hash: '#/progress', heading: 'Your progress' },
  { name: 'quiz', hash: '#/quiz/python-foundations/functions', heading: 'Functions: quiz' },
] as const;

/** Any screen, measured for how it fits the window. */
export class ScreenFit {
  constructor(readonly page: Page) {}

  /** Goes to a screen by its route and waits for its heading. */
  async open(screen: (typeof MAIN_SCREENS)[number]): Promise<void> {
    await this.page.evaluate((h) => (location.hash = h), screen.hash);
    await this.page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
  }

  /** How many pixels the page is wider than the window (0 or less: no sideways scroll). */
  overflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /**
   * The elements that stick out past the window's right edge, to name in a failure; what sits inside
   * a box that scrolls or clips on its own (a code block) does not count.
   */
  culprits(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((el) => {
          for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return false;
          }
          return true;
        })
        .slice(0, 8)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`),
    );
  }

  /** Sets the learner's text size in Settings (the range's own value) and waits until the page uses it. */
  async setTextSize(px: number): Promise<void> {
    await this.page.evaluate(() => (location.hash = '#/settings'));
    await this.page.getByLabel('Text size').fill(String(px));
    await this.page.waitForFunction((size) => document.documentElement.style.fontSize === `${size}px`, px);
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    await this.page.evaluate(() => (location.hash = '#/settings'));
    await this.page.getByLabel('Theme').selectOption(theme);
    await this.page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
  }
}
