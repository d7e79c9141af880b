import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SyncReplyGate } from './sync-reply-gate.js';

const sv = (clocks: Record<number, number>) =>
  Y.encodeStateVector(new Map(Object.entries(clocks).map(([client, clock]) => [Number(client), clock])));

/** A gate whose answers are recorded and taken by the socket only when the test says so. */
function gateWith(burst: number, intervalMs = 1_000, known = (client: number) => client < 10) {
  const answered: Record<number, number>[] = [];
  const takers: (() => void)[] = [];
  const gate = new SyncReplyGate(
    { syncReplyBurst: burst, syncReplyIntervalMs: intervalMs },
    {
      answerSyncStep1: (stateVector) => {
        answered.push(Object.fromEntries(Y.decodeStateVector(stateVector)));
        return new Promise<void>((taken) => takers.push(taken));
      },
      knowsClient: known,
    },
  );
  const take = async () => {
    takers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { gate, answered, take };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sync step 1 answers of one socket', () => {
  it('has one answer in flight and merges the questions asked meanwhile into one, for their lowest state vector', async () => {
    vi.useFakeTimers();
    const { gate, answered, take } = gateWith(100);
    gate.request(sv({ 1: 5 }));
    for (let i = 0; i < 1_000; i++) gate.request(sv({ 1: 10 + i, 2: 3 }));
    gate.request(sv({ 1: 7, 3: 1 }));
    expect(answered).toEqual([{ 1: 5 }]);

    await take();
    // Client 2 is missing from one question and client 3 from the other: both get everything of theirs.
    expect(answered).toEqual([{ 1: 5 }, { 1: 7 }]);
    await take();
    expect(answered).toHaveLength(2);
  });

  it('answers at most a bucket of questions at once and one more per interval after that, dropping none', async () => {
    vi.useFakeTimers();
    const { gate, answered, take } = gateWith(2, 1_000);
    for (let i = 0; i < 3; i++) {
      gate.request(sv({ 1: i }));
      await take();
    }
    expect(answered).toEqual([{ 1: 0 }, { 1: 1 }]);
    await vi.advanceTimersByTimeAsync(999);
    expect(answered).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toEqual([{ 1: 0 }, { 1: 1 }, { 1: 2 }]);
  });

  it('keeps only the clients the document knows while a question waits: the answer is the same without the others', async () => {
    vi.useFakeTimers();
    const { gate, answered, take } = gateWith(100);
    gate.request(sv({ 1: 1 }));
    const madeUp = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [1_000 + i, 1]));
    gate.request(sv({ ...madeUp, 1: 3, 2: 4 }));
    gate.request(sv({ ...madeUp, 1: 5, 2: 2 }));
    await take();
    expect(answered).toEqual([{ 1: 1 }, { 1: 3, 2: 2 }]);
  });

  it('forgets what waits once the socket is gone, timers included', async () => {
    vi.useFakeTimers();
    const { gate, answered, take } = gateWith(1, 1_000);
    gate.request(sv({ 1: 1 }));
    await take();
    gate.request(sv({ 1: 2 }));
    expect(vi.getTimerCount()).toBe(1);
    gate.stop();
    expect(vi.getTimerCount()).toBe(0);
    gate.request(sv({ 1: 3 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(answered).toEqual([{ 1: 1 }]);
  });
});
