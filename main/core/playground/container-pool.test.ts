import type Docker from 'dockerode';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ContainerPool, DEMAND_HOLD_MS } from './container-pool.js';
import { DEFAULT_LIMITS } from './sandbox-limits.js';

// The pool's size alone: no container is started here (nothing refills and nothing waits in the
// queue), so the engine is never called; the sandbox tests start real ones.
const noEngine = {} as Docker;

describe('the elastic sandbox pool', () => {
  it('starts full, shrinks to its base after a quiet while, and grows again with a burst, up to its ceiling', () => {
    let clock = 0;
    const size = { base: 4, ceiling: 12 };
    const pool = new ContainerPool(noEngine, 'image', DEFAULT_LIMITS, size, pino({ level: 'silent' }), {
      clock: () => clock,
    });
    expect(pool.target).toBe(12);
    clock += DEMAND_HOLD_MS;
    expect(pool.target).toBe(4);
    for (let jobs = 1; jobs <= 9; jobs++) pool.demand(jobs);
    expect(pool.target).toBe(9);
    pool.demand(30);
    expect(pool.target).toBe(12);
    // Jobs keep coming, fewer at once: the burst's size holds while the class is working.
    clock += DEMAND_HOLD_MS - 1;
    pool.demand(1);
    clock += DEMAND_HOLD_MS - 1;
    expect(pool.target).toBe(12);
    clock += 1;
    expect(pool.target).toBe(4);
    // A lone learner after the quiet while does not grow it.
    pool.demand(1);
    expect(pool.target).toBe(4);
  });

  it('keeps a fixed size when the admin set one', () => {
    const pool = new ContainerPool(
      noEngine,
      'image',
      DEFAULT_LIMITS,
      { base: 3, ceiling: 3 },
      pino({ level: 'silent' }),
    );
    pool.demand(20);
    expect(pool.target).toBe(3);
  });
});
