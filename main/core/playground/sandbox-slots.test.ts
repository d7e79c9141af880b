import { describe, expect, it } from 'vitest';
import { SandboxSlots } from './sandbox-slots.js';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the sandbox queue', () => {
  it('starts jobs in order up to the cap, and the next one when a job answers', async () => {
    const slots = new SandboxSlots({ maxConcurrent: 2, memoryBudgetMb: 10_000 });
    const started: number[] = [];
    const tickets = Array.from({ length: 5 }, (_, i) => slots.acquire(100).then((t) => (started.push(i), t)));
    await flush();
    expect(started).toEqual([0, 1]);
    expect(slots.queued).toBe(3);
    (await tickets[0]!).answered();
    await flush();
    expect(started).toEqual([0, 1, 2]);
  });

  it('holds the memory of a job until its container is gone, even after it answered', async () => {
    const slots = new SandboxSlots({ maxConcurrent: 10, memoryBudgetMb: 512 });
    const first = await slots.acquire(256);
    await slots.acquire(256);
    let third = false;
    void slots.acquire(256).then(() => (third = true));
    first.answered();
    await flush();
    expect(third).toBe(false);
    first.gone();
    first.gone(); // twice is once
    await flush();
    expect(third).toBe(true);
    expect(slots.running).toBe(2);
  });

  it('runs a job larger than the whole budget, alone', async () => {
    const slots = new SandboxSlots({ maxConcurrent: 4, memoryBudgetMb: 256 });
    const big = await slots.acquire(1024);
    let small = false;
    void slots.acquire(64).then(() => (small = true));
    await flush();
    expect(small).toBe(false);
    big.gone();
    await flush();
    expect(small).toBe(true);
  });
});
