import { SingleBar } from 'cli-progress';
import { terminalSafe } from './terminal-output.js';

/** A bar with percent and bytes on stderr for long work; silent when stderr is not a terminal. */
export function byteProgress(label: string): { update(bytes: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {percentage}% | {done} of {size}`,
    barCompleteChar: '#',
    barIncompleteChar: '-',
    hideCursor: true,
  });
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  let started = false;
  return {
    update(bytes, total) {
      if (!started) bar.start(total, 0, { done: mb(0), size: mb(total) });
      started = true;
      bar.update(bytes, { done: mb(bytes), size: mb(total) });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** A percent bar with the current step's text, for work measured in steps rather than bytes. */
export function percentProgress(label: string): { update(percent: number, detail: string): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {percentage}% | {detail}`,
    barCompleteChar: '#',
    barIncompleteChar: '-',
    hideCursor: true,
  });
  bar.start(100, 0, { detail: '' });
  return {
    update: (percent, detail) => bar.update(percent, { detail: terminalSafe(detail).slice(0, 50) }),
    stop: () => bar.stop(),
  };
}
