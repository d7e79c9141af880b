/** A seeded source of uniform numbers in [0, 1), so a simulation gives the same figures on every run. */
export type Random = () => number;

/** mulberry32: tiny and good enough for simulation (not for anything secret). */
export function seeded(seed: number): Random {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
