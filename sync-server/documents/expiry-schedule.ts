// setTimeout fires at once for delays above 2^31 - 1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Items that end at a given time (sockets whose access token expires), on one timer for all of them: a timer
 * per socket cost about 250 B of heap each (the Timeout, its closure, and a timer list per distinct delay).
 * Items are kept by their end time; the sockets of one token share it (an access token's `exp` is in whole
 * seconds), so the timer fires once per token, not once per socket.
 */
export class ExpirySchedule<T> {
  private readonly due = new Map<number, Set<T>>();
  private timer: NodeJS.Timeout | undefined;
  /** When the timer fires; Infinity when it is not set. */
  private timerAt = Infinity;

  constructor(
    private readonly expire: (item: T) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** `expire(item)` runs at `at` (ms since the epoch), or soon after it, unless `delete`d first. */
  add(item: T, at: number) {
    const items = this.due.get(at);
    if (items) items.add(item);
    else this.due.set(at, new Set([item]));
    if (at < this.timerAt) this.arm(at);
  }

  delete(item: T, at: number) {
    const items = this.due.get(at);
    if (!items?.delete(item) || items.size > 0) return;
    this.due.delete(at);
    // The timer stays set: firing with nothing due only sets it again for the next.
    if (this.due.size === 0) this.stop();
  }

  /** Nothing will expire: the timer is cleared (items are kept for `add` to set it again). */
  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private arm(at: number) {
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.fire(), Math.min(Math.max(at - this.now(), 0), MAX_TIMER_MS));
    // The sockets keep the process alive, not their deadlines.
    this.timer.unref();
  }

  private fire() {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.now();
    let next = Infinity;
    for (const [at, items] of this.due) {
      if (at > now) {
        next = Math.min(next, at);
        continue;
      }
      this.due.delete(at);
      for (const item of items) this.expire(item);
    }
    // An item added by `expire` set the timer itself when it is earlier than `next`.
    if (next < this.timerAt) this.arm(next);
  }
}
