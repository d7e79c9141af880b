import { describe, expect, it } from 'vitest';
import type { RevocationEvent } from '../accounts/revocation-bus.js';
import { InProcessFanout, InProcessHub } from './in-process-fanout.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('InProcessFanout', () => {
  it('passes updates to the other members of its hub only, and revocations to all', async () => {
    const hub = new InProcessHub();
    const [a, b] = [new InProcessFanout(hub), new InProcessFanout(hub)];
    const alone = new InProcessFanout();
    const got: string[] = [];
    a.subscribe('d', (update) => got.push(`a${update[0]}`));
    const stop = b.subscribe('d', (update) => got.push(`b${update[0]}`));
    alone.subscribe('d', (update) => got.push(`alone${update[0]}`));
    await a.publish('d', Uint8Array.of(1));
    await tick();
    stop();
    await a.publish('d', Uint8Array.of(2));
    await b.publish('d', Uint8Array.of(3));
    await tick();
    expect(got).toEqual(['b1', 'a3']);

    const heard: RevocationEvent[] = [];
    a.revocations.subscribe((event) => heard.push(event));
    b.revocations.subscribe((event) => heard.push(event));
    b.revocations.publish({ type: 'revoked', family: 'f' });
    expect(heard).toHaveLength(2);
    await b.close();
    a.revocations.publish({ type: 'revoked', family: 'g' });
    expect(heard).toHaveLength(3);
  });
});
