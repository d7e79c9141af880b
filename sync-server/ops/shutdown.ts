import type { Logger } from '../../infra/log/logger.js';

/** The part of `process` shutdown needs; tests pass an EventEmitter with an `exit` that records. */
export interface SignalHost {
  on(signal: 'SIGTERM' | 'SIGINT', listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

export interface GracefulShutdownOptions {
  /** Stops accepting, drains in-flight commits, closes sockets (1012), fan-out and storage. */
  close: () => Promise<void>;
  logger: Logger;
  /** After this the process exits anyway (1): a stuck storage must not keep a dying pod forever. */
  timeoutMs: number;
  host?: SignalHost;
}

/**
 * SIGTERM (Kubernetes, systemd, docker stop) or SIGINT (Ctrl+C) runs `close` once and exits 0 when it
 * finished; a second signal, or the timeout, exits 1 at once.
 */
export function exitGracefullyOnSignals({ close, logger, timeoutMs, host = process }: GracefulShutdownOptions): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting without finishing the shutdown');
      host.exit(1);
      return;
    }
    closing = true;
    logger.info({ signal, timeoutMs }, 'shutting down: draining commits and closing sockets');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out: exiting');
      host.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => {
        clearTimeout(timer);
        logger.info('shut down');
        host.exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        logger.error({ err: error }, 'shutdown failed');
        host.exit(1);
      },
    );
  };
  host.on('SIGTERM', onSignal);
  host.on('SIGINT', onSignal);
}
