/** How the adaptive engine words numbers for learners. */
export const percent = (p: number) => `${Math.round(p * 100)}%`;

/** `counted(1, 'answer')` is "1 answer", `counted(3, 'answer')` is "3 answers". */
export const counted = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;

/** "a", "a and b", "a, b, and c": the last comma keeps titles that hold an "and" apart. */
export const listed = (items: readonly string[]) =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;

export const bandWords = (band: { low: number; high: number }) =>
  `${Math.round(band.low * 100)}–${Math.round(band.high * 100)}%`;
