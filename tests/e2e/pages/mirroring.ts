import type { Page } from 'playwright-core';

/**
 * The elements that do not mirror when the page turns right to left: a padding, a border or an alignment set
 * on one physical side (padding-left, border-left, text-align: left) stays there, where a logical one
 * (padding-inline-start…) moves to the other side. Code keeps its left-to-right direction and is skipped.
 * Measures the page left to right, then right to left, and leaves it right to left.
 */
export async function unmirrored(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const code = 'pre, code, .code-editor';
    const elements = Array.from(document.querySelectorAll<HTMLElement>('body *')).filter((el) => !el.closest(code));
    const sides = () =>
      elements.map((el) => {
        const s = getComputedStyle(el);
        return {
          padding: [s.paddingLeft, s.paddingRight],
          border: [s.borderLeftWidth, s.borderRightWidth],
          align: s.textAlign,
        };
      });
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    document.documentElement.dir = 'ltr';
    await frame();
    const ltr = sides();
    document.documentElement.dir = 'rtl';
    await frame();
    const rtl = sides();
    const swapped = ([a, b]: string[], [c, d]: string[]) => a === b || (a === d && b === c);
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}`;
    return elements.flatMap((el, i) => {
      const [before, after] = [ltr[i]!, rtl[i]!];
      const wrong = [
        !swapped(before.padding, after.padding) && `padding ${before.padding.join('/')} → ${after.padding.join('/')}`,
        !swapped(before.border, after.border) && `border ${before.border.join('/')} → ${after.border.join('/')}`,
        (before.align === 'left' || before.align === 'right') &&
          before.align === after.align &&
          `text-align ${after.align}`,
      ].filter(Boolean);
      return wrong.length > 0 ? [`${name(el)}: ${wrong.join(', ')}`] : [];
    });
  });
}
