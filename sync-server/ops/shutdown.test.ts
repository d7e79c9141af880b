import { EventEmitter } from 'node:events';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { exitGracefullyOnSignals } from './shutdown.js';

function fakeProcess() {
  const exits: number[] = [];
  const host = Object.assign(new EventEmitter(), { exit: (code: number) => void exits.push(code) });
  return { host, exits };
}

const logger = pino({ level: 'silent' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('graceful shutdown', () => {
  it('closes once on SIGTERM and exits 0 only after the close finished', async () => {
    const { host, exits } = fakeProcess();
    let finish = () => {};
    let closes = 0;
    const close = () => {
      closes++;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    exitGracefullyOnSignals({ close, logger, timeoutMs: 10_000, host });

    host.emit('SIGTERM', 'SIGTERM');
    await settle();
    expect(exits).toEqual([]);
    finish();
    await settle();
    expect(exits).toEqual([0]);
    expect(closes).toBe(1);
  });

  it('exits 1 at once on a second signal while the close is still running', async () => {
    const { host, exits } = fakeProcess();
    exitGracefullyOnSignals({ close: () => new Promise(() => {}), logger, timeoutMs: 10_000, host });
    host.emit('SIGINT', 'SIGINT');
    await settle();
    host.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
  });

  it('exits 1 when the close fails or outlasts the timeout', async () => {
    const failing = fakeProcess();
    exitGracefullyOnSignals({
      close: async () => Promise.reject(new Error('db gone')),
      logger,
      timeoutMs: 10_000,
      host: failing.host,
    });
    failing.host.emit('SIGTERM', 'SIGTERM');
    const stuck = fakeProcess();
    exitGracefullyOnSignals({ close: () => new Promise(() => {}), logger, timeoutMs: 10, host: stuck.host });
    stuck.host.emit('SIGTERM', 'SIGTERM');
    await settle();
    expect(failing.exits).toEqual([1]);
    expect(stuck.exits).toEqual([1]);
  });
});
