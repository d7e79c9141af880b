import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

/** A seeded generator (mulberry32), so the jitter is random but the test repeatable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('reconnect backoff', () => {
  it('doubles its ceiling from 1 s up to the 5 min cap', () => {
    const top = { ...DEFAULT_BACKOFF, random: () => 1 - 2 ** -40 };
    const ceilings = Array.from({ length: 12 }, (_, attempt) => backoffDelay(attempt, top) + 1);
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000, 300000]);
    expect(backoffDelay(10_000, top)).toBe(299_999);
  });

  it('draws each delay anywhere below the ceiling (full jitter)', () => {
    const random = seeded(7);
    for (let attempt = 0; attempt < 40; attempt++) {
      const delays = Array.from({ length: 200 }, () => backoffDelay(attempt, { ...DEFAULT_BACKOFF, random }));
      const ceiling = Math.min(300_000, 1000 * 2 ** attempt);
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...delays)).toBeLessThan(ceiling);
      // Spread over the whole range, not bunched at one end: clients that failed together scatter.
      expect(Math.min(...delays)).toBeLessThan(ceiling * 0.1);
      expect(Math.max(...delays)).toBeGreaterThan(ceiling * 0.9);
    }
  });

  it('grows on average with each failed attempt until the cap', () => {
    const random = seeded(11);
    const mean = (attempt: number) =>
      Array.from({ length: 500 }, () => backoffDelay(attempt, { ...DEFAULT_BACKOFF, random })).reduce((a, b) => a + b) /
      500;
    const means = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(mean);
    for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]! * 1.5);
    expect(mean(20)).toBeGreaterThan(130_000);
    expect(mean(20)).toBeLessThan(170_000);
  });
});
