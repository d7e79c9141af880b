import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/**
 * Structured logs to stderr, so stdout stays for what a command prints.
 * LIONLEARN_LOG_LEVEL picks the level (default info; "silent" for tests).
 */
export function createLogger(name: string, level = process.env.LIONLEARN_LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level }, pino.destination(2));
}
