export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** In [0, 1); injected by tests. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 5 * 60_000, random: Math.random };

/**
 * The wait before reconnect attempt `attempt` (0 for the first retry): exponential backoff with
 * full jitter, anywhere in [0, min(cap, base * 2^attempt)), so a classroom of clients that lost the
 * server together does not come back in one wave.
 */
export const backoffDelay = (attempt: number, { baseMs, capMs, random }: BackoffOptions): number =>
  Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
