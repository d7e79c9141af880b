import type { SyncMetrics } from '../ops/metrics.js';

/** What the documents layer reports (ops/metrics.ts); a server without /metrics passes nothing. */
export type DocMetrics = Omit<SyncMetrics, 'registry'>;

const untimed = { relayed: () => undefined, committed: () => undefined, acked: () => undefined };

export const noDocMetrics: DocMetrics = {
  socketOpened: () => undefined,
  socketClosed: () => undefined,
  docLoaded: () => undefined,
  docUnloaded: () => undefined,
  updateReceived: () => untimed,
};
