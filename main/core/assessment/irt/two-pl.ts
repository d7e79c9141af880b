/** An item's parameters in the two-parameter logistic model: discrimination `a`, difficulty `b`. */
export interface ItemParams {
  a: number;
  b: number;
}

/** The chance that a learner of ability `theta` answers the item right: 1 / (1 + e^(-a(theta - b))). */
export function probability(theta: number, { a, b }: ItemParams): number {
  return 1 / (1 + Math.exp(-a * (theta - b)));
}

/** Fisher information of the item at `theta`: a² P (1 - P), highest where the item is a coin toss. */
export function information(theta: number, item: ItemParams): number {
  const p = probability(theta, item);
  return item.a * item.a * p * (1 - p);
}

/**
 * Where an item never calibrated starts: the author's difficulty (1 to 5) spread over the ability
 * scale (1 is two units below the average learner, 5 two above) and an average discrimination.
 */
export function authorParams(difficulty: number): ItemParams {
  return { a: 1, b: difficulty - 3 };
}
