/** How the adaptive engine words numbers for learners. */
export const percent = (p: number) => `${Math.round(p * 100)}%`;

import { counted } from '../../../../common/plural.js';

export { counted };

/** "a", "a and b", "a, b, and c": the last comma keeps titles that hold an "and" apart. */
export const listed = (items: readonly string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;

/** The first names, then "and 3 more" for the rest: "more" is a quantifier, never "mores". */
export const listedWithMore = (named: readonly string[], more: number) =>
  listed(more > 0 ? [...named, `${more} more`] : named);

export const bandWords = (band: { low: number; high: number }) =>
  `${Math.round(band.low * 100)}–${Math.round(band.high * 100)}%`;
