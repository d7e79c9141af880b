import type { Random } from '../policy/seeded-random.js';

// The seeded source lives with the policy, which draws from it in the app too.
export { seeded } from '../policy/seeded-random.js';
export type { Random } from '../policy/seeded-random.js';

/** A standard normal draw (Box-Muller). */
export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
