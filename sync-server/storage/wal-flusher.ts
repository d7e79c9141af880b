import { closeSync, fsync, openSync } from 'node:fs';
import { promisify } from 'node:util';

const fsyncFile: (fd: number) => Promise<void> = promisify(fsync);

/**
 * Flushes SQLite's write-ahead log to disk on libuv's thread pool, so the wait for the disk no longer
 * stops the event loop. With `synchronous = FULL` every commit fsyncs inside better-sqlite3's synchronous
 * call: at a few milliseconds each, hundreds of commits a second left the loop blocked most of the time
 * and every socket's latency climbed (bench/sync). Callers that ask while a flush runs share the next one.
 */
export class WalFlusher {
  private fd: number | undefined;
  private running: Promise<void> | undefined;
  private waiting: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    private readonly sync: (fd: number) => Promise<void> = fsyncFile,
  ) {}

  /** Resolves once everything written to the log before this call is on disk. */
  flush(): Promise<void> {
    if (this.waiting) return this.waiting;
    if (!this.running) return this.start();
    // The running flush may have started before the caller's write: it needs the next one.
    this.waiting = this.running
      .catch(() => undefined)
      .then(() => {
        this.waiting = undefined;
        return this.start();
      });
    return this.waiting;
  }

  private start(): Promise<void> {
    // The log keeps its inode while the database is open (a checkpoint rewinds it, never replaces it).
    this.fd ??= openSync(this.file, 'r');
    const run: Promise<void> = this.sync(this.fd).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.waiting]);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
