import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgRedisAvailable, startRedis } from '../../tests/support/pg-redis.js';
import type { Redis as RedisServer } from '../../tests/support/pg-redis.js';
import type { RevocationEvent } from '../accounts/revocation-bus.js';
import { eventually } from '../testing/sync-clients.js';
import { RedisFanout } from './redis-fanout.js';

let redis: RedisServer;
const fanouts: RedisFanout[] = [];
beforeAll(async () => {
  if (pgRedisAvailable) redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(fanouts.map((fanout) => fanout.close()));
  await redis?.stop();
});

const instance = () => {
  const fanout = new RedisFanout(redis.url);
  fanouts.push(fanout);
  return fanout;
};

describe.skipIf(!pgRedisAvailable)('RedisFanout on a real Redis', () => {
  it('delivers an update to the other instances that loaded the document, never back to its sender', async () => {
    const [a, b, c] = [instance(), instance(), instance()];
    const got = { a: [] as number[][], b: [] as number[][], c: [] as number[][] };
    a.subscribe('u/x/notes', (update) => got.a.push([...update]));
    const stopB = b.subscribe('u/x/notes', (update) => got.b.push([...update]));
    c.subscribe('u/y/notes', (update) => got.c.push([...update]));
    await Promise.all([a.subscribed(), b.subscribed(), c.subscribed()]);

    await a.publish('u/x/notes', Uint8Array.of(1, 2, 3));
    await eventually(() => got.b.length === 1);
    expect(got).toEqual({ a: [], b: [[1, 2, 3]], c: [] });

    stopB();
    await b.publish('u/x/notes', Uint8Array.of(4));
    await a.publish('u/x/notes', Uint8Array.of(5));
    await eventually(() => got.a.length === 1);
    // b left the channel before 5 was sent; c never subscribed to it.
    await a.publish('u/y/notes', Uint8Array.of(6));
    await eventually(() => got.c.length === 1);
    expect(got).toEqual({ a: [[4]], b: [[1, 2, 3]], c: [[6]] });
  });

  it('carries revocations to every instance, the publishing one included', async () => {
    const [a, b] = [instance(), instance()];
    const heard: [string, RevocationEvent][] = [];
    a.revocations.subscribe((event) => heard.push(['a', event]));
    b.revocations.subscribe((event) => heard.push(['b', event]));
    await Promise.all([a.subscribed(), b.subscribed()]);
    a.revocations.publish({ type: 'revoked', family: 'f1' });
    b.revocations.publish({ type: 'revoked-account', accountId: 'acc' });
    await eventually(() => heard.length === 4);
    expect(heard).toHaveLength(4);
    expect(heard).toEqual(
      expect.arrayContaining([
        ['a', { type: 'revoked', family: 'f1' }],
        ['a', { type: 'revoked-account', accountId: 'acc' }],
        ['b', { type: 'revoked', family: 'f1' }],
        ['b', { type: 'revoked-account', accountId: 'acc' }],
      ]),
    );
  });

  it('reports a gap when its subscriber connection dropped, and is subscribed again afterwards', async () => {
    const [a, b] = [instance(), instance()];
    let gaps = 0;
    b.onGap(() => gaps++);
    const got: number[][] = [];
    b.subscribe('u/z/notes', (update) => got.push([...update]));
    await b.subscribed();
    const admin = new Redis(redis.url);
    try {
      await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    } finally {
      admin.disconnect();
    }
    await eventually(() => gaps === 1);
    await eventually(async () => {
      await a.publish('u/z/notes', Uint8Array.of(9));
      return got.length > 0;
    });
    expect(got[0]).toEqual([9]);
  });
});
