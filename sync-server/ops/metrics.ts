import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Times one received update through its commit and, for sockets that asked for acks, the ack. */
export interface UpdateTimer {
  /** The effective update left for the document's other sockets; observes receive -> relay. */
  relayed(): void;
  /** The effective update is in storage; counts it and observes receive -> commit. */
  committed(): void;
  /** The ack left for the socket; observes receive -> ack sent. */
  acked(): void;
}

/** What the document layer reports; one per server instance. */
export interface SyncMetrics {
  readonly registry: Registry;
  socketOpened(): void;
  socketClosed(code: number): void;
  docLoaded(): void;
  docUnloaded(): void;
  updateReceived(): UpdateTimer;
}

// From a relay or a loopback commit (about a millisecond) to a PostgreSQL commit under load.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * A registry per instance rather than prom-client's global one, so two servers in one process (tests)
 * keep separate counts. The default metrics add event-loop delay (monitorEventLoopDelay), heap, RSS and GC.
 */
export function createSyncMetrics(): SyncMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const openSockets = new Gauge({
    name: 'lionlearn_sync_open_sockets',
    help: 'Open WebSocket connections',
    registers,
  });
  const closedSockets = new Counter({
    name: 'lionlearn_sync_closed_sockets_total',
    help: 'Closed WebSocket connections by close code',
    labelNames: ['code'] as const,
    registers,
  });
  const loadedDocs = new Gauge({ name: 'lionlearn_sync_loaded_docs', help: 'Documents held in memory', registers });
  const committedUpdates = new Counter({
    name: 'lionlearn_sync_committed_updates_total',
    help: 'Updates that changed a document and were committed to storage',
    registers,
  });
  const commitLatency = new Histogram({
    name: 'lionlearn_sync_commit_latency_seconds',
    help: 'From an update received to its commit in storage',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const relayLatency = new Histogram({
    name: 'lionlearn_sync_relay_latency_seconds',
    help: 'From an update received to its relay to the other sockets (before its commit)',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const ackLatency = new Histogram({
    name: 'lionlearn_sync_ack_latency_seconds',
    help: 'From an update received, through its commit, to the ack sent',
    buckets: LATENCY_BUCKETS,
    registers,
  });

  return {
    registry,
    socketOpened: () => openSockets.inc(),
    socketClosed: (code) => {
      openSockets.dec();
      closedSockets.inc({ code: String(code) });
    },
    docLoaded: () => loadedDocs.inc(),
    docUnloaded: () => loadedDocs.dec(),
    updateReceived: () => {
      const start = performance.now();
      const seconds = () => (performance.now() - start) / 1000;
      return {
        relayed: () => relayLatency.observe(seconds()),
        committed: () => {
          committedUpdates.inc();
          commitLatency.observe(seconds());
        },
        acked: () => ackLatency.observe(seconds()),
      };
    },
  };
}
