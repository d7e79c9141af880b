/** Small helpers every benchmark shares: timing, percentiles and a side-by-side table. */
import { availableParallelism, loadavg } from 'node:os';
export const now = () => performance.now();

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** mulberry32: a seeded generator, so every run measures the same data. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const median = (samples: number[]) => percentile(samples, 50);

export async function timeEach<T>(items: T[], run: (item: T) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (const item of items) {
    const start = now();
    await run(item);
    samples.push(now() - start);
  }
  return samples;
}

export interface Row {
  metric: string;
  ours: number;
  baseline?: number;
  unit: string;
  target?: string;
}

/** Prints ours against the baseline, with the ratio baseline / ours (above 1 means we are faster). */
export function printTable(title: string, baselineName: string, rows: Row[]): void {
  const fmt = (n: number | undefined) => (n === undefined ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 3));
  const table = rows.map((r) => ({
    metric: r.metric,
    ours: `${fmt(r.ours)} ${r.unit}`,
    [baselineName]: r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit}`,
    ratio: r.baseline === undefined ? '' : `${(r.baseline / r.ours).toFixed(1)}x`,
    target: r.target ?? '',
  }));
  console.log(`\n${title}`);
  console.table(table);
}

/** Ours and the baseline in turn, item by item, so both run under the same load from whatever else the machine does. */
export async function interleaved<T>(
  items: readonly T[],
  ours: (item: T) => unknown,
  baseline: (item: T) => unknown,
): Promise<{ ours: number[]; baseline: number[] }> {
  const times = { ours: [] as number[], baseline: [] as number[] };
  for (const item of items) {
    times.ours.push(...(await timeEach([item], ours)));
    times.baseline.push(...(await timeEach([item], baseline)));
  }
  return times;
}

/** The work, or an error naming it once it has taken longer than `ms`: a bench never hangs. */
export async function within<T>(what: string, ms: number, work: () => T | Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The 1, 5 and 15 minute load averages and the core count: the figures mean little without them. */
export function printLoad(when: string): void {
  const [one, five, fifteen] = loadavg().map((n) => n.toFixed(2));
  console.log(`load average ${when}: ${one} ${five} ${fifteen} (${availableParallelism()} cores)`);
}

/** Several samples of one measure: their median and their spread (lowest to highest). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  samples: number;
}

export function spreadOf(samples: number[]): Spread {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples: samples.length };
}

/** Takes `count` samples `gapMs` apart: one memory reading says little, several say how much it moves. */
export async function sampleSeveral(
  count: number,
  gapMs: number,
  take: () => number | Promise<number>,
): Promise<Spread> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    samples.push(await take());
  }
  return spreadOf(samples);
}

/** "12.3 (11.9 - 13.0, 5 samples)": the median, then the spread it came from. */
export function formatSpread(spread: Spread, digits = 1): string {
  const f = (n: number) => n.toFixed(digits);
  return `${f(spread.median)} (${f(spread.min)} - ${f(spread.max)}, ${spread.samples} samples)`;
}

/** Asks `done` every `everyMs` until it says yes; an error naming the wait once `ms` have passed. */
export async function pollUntil(what: string, ms: number, done: () => boolean | Promise<boolean>, everyMs = 20) {
  const deadline = now() + ms;
  while (!(await done())) {
    if (now() > deadline) throw new Error(`${what} took longer than ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
