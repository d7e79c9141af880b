import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpirySchedule } from './expiry-schedule.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A schedule of named items on fake timers, and the names expired so far. */
function schedule() {
  vi.useFakeTimers({ now: 0 });
  const expired: string[] = [];
  return { expiries: new ExpirySchedule<string>((name) => expired.push(name)), expired };
}

describe('the expiry schedule of the sync sockets', () => {
  it('expires each item at its time, in order, those of one time together', async () => {
    const { expiries, expired } = schedule();
    expiries.add('late', 3_000);
    expiries.add('early-a', 1_000);
    expiries.add('early-b', 1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(expired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toEqual(['early-a', 'early-b']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(expired).toEqual(['early-a', 'early-b', 'late']);
    // One timer for all of them, none left once they are gone.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never expires a deleted item, and expires one already past at once', async () => {
    const { expiries, expired } = schedule();
    expiries.add('closed', 1_000);
    expiries.add('kept', 1_000);
    expiries.delete('closed', 1_000);
    expiries.add('past', -5);
    await vi.advanceTimersByTimeAsync(0);
    expect(expired).toEqual(['past']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(expired).toEqual(['past', 'kept']);
    expiries.add('gone', 2_000);
    expiries.delete('gone', 2_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits past the longest delay a timer takes (2^31 - 1 ms) without firing early', async () => {
    const { expiries, expired } = schedule();
    const far = 2 ** 31 + 10_000;
    expiries.add('far', far);
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(expired).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(expired).toEqual(['far']);
  });
});
