const QUARTER_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/**
 * The local date of instants in one IANA time zone, DST included. Every zone changes its offset on
 * a quarter hour, so the answer is cached per UTC quarter: a year of events formats a few thousand times.
 */
export class LocalDays {
  readonly #format;
  readonly #cache = new Map<number, string>();

  constructor(readonly timeZone: string) {
    this.#format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** `YYYY-MM-DD` of the instant (milliseconds since the epoch) in the zone. */
  dayOf(ms: number): string {
    const quarter = Math.floor(ms / QUARTER_MS);
    let day = this.#cache.get(quarter);
    if (day === undefined) {
      const parts = Object.fromEntries(this.#format.formatToParts(quarter * QUARTER_MS).map((p) => [p.type, p.value]));
      day = `${parts.year}-${parts.month}-${parts.day}`;
      this.#cache.set(quarter, day);
    }
    return day;
  }

  /** The first instant after `start` (and at most `end`) that falls on a later local day than `start`. */
  nextMidnight(start: number, end: number): number {
    const day = this.dayOf(start);
    let lo = Math.floor(start / QUARTER_MS) + 1;
    let hi = Math.ceil(end / QUARTER_MS);
    if (this.dayOf(hi * QUARTER_MS) === day) return end;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.dayOf(mid * QUARTER_MS) === day) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(end, lo * QUARTER_MS);
  }

  /** Splits [start, end) at local midnights: the milliseconds of each local day it covers. */
  split(start: number, end: number, add: (day: string, ms: number) => void): void {
    for (let at = start; at < end;) {
      const next = this.nextMidnight(at, end);
      add(this.dayOf(at), next - at);
      at = next;
    }
  }
}

/** Every date from `from` to `to`, both included (`YYYY-MM-DD`, calendar arithmetic, no zone). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}
