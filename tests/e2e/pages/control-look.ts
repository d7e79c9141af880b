import type { Locator } from 'playwright-core';

/** How a button or field looks, as computed: what tells its state apart. */
export interface Look {
  background: string;
  borderColor: string;
  borderStyle: string;
  borderRadius: string;
  color: string;
  cursor: string;
  outlineStyle: string;
  outlineWidth: string;
  disabled: boolean;
}

export function lookOf(control: Locator): Promise<Look> {
  return control.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      background: style.backgroundColor,
      borderColor: style.borderTopColor,
      borderStyle: style.borderTopStyle,
      borderRadius: style.borderTopLeftRadius,
      color: style.color,
      cursor: style.cursor,
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      disabled: (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true',
    };
  });
}
