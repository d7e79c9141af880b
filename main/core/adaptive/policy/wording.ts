/** How the adaptive engine words numbers for learners. */
export const percent = (p: number) => `${Math.round(p * 100)}%`;
/** A share as a whole percentage, for a catalog message to place (its language puts the sign). */
export const percentOf = (p: number) => Math.round(p * 100);

import { counted } from '../../../../common/plural.js';

export { counted };

/** "a", "a and b", "a, b, and c": the last comma keeps titles that hold an "and" apart. */
export const listed = (items: readonly string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
