/** English plural categories from the platform's CLDR data rather than an `n === 1` guess (0, 1.5, -1 all differ). */
const rules = new Intl.PluralRules('en');

/** `counted(1, 'answer')` is "1 answer", `counted(3, 'answer')` is "3 answers"; irregular nouns pass their plural. */
export const counted = (n: number, noun: string, plural = `${noun}s`) =>
  `${n} ${rules.select(n) === 'one' ? noun : plural}`;
