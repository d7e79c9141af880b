import { Worker } from 'node:worker_threads';
import type { AppendReply, AppendRequest, AppendWorkerData } from './append-worker.js';
import type { UpdateAppender } from './update-appender.js';

interface Waiting {
  seq: number;
  resolve(id: number): void;
  reject(error: unknown): void;
}

/**
 * Commits update rows on SQLite in a worker thread (append-worker.ts), so the event loop only posts each row
 * and reads one answer per batch. On the event loop, the INSERT, the log's flush request and the checkpoints
 * that commits start took a quarter of the server's time per update and stalled the loop for milliseconds
 * under load, delaying the relay of every other update (bench/sync). The worker commits what came during its
 * last flush in one transaction, so the order of the appends is kept and a burst costs one flush.
 * Its connection and the server's share the file: while the worker holds the write lock (a fraction of a
 * millisecond per batch, the flush comes after it) a write of the server's waits in SQLite's busy handler.
 */
export class WorkerAppender implements UpdateAppender {
  private worker: Worker | undefined;
  private seq = 0;
  /** In the order of `seq`: answers come in that order. */
  private waiting: Waiting[] = [];
  private drained: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly script: URL | string,
    private readonly file: string,
  ) {
    // Started now, with the server: started by the first update, its boot (an isolate, better-sqlite3) delayed
    // that update's ack and, on two busy cores, the relays around it by a hundred milliseconds (bench/sync).
    this.started();
  }

  append(doc: string, data: Buffer, at: number): Promise<number> {
    if (this.closed) return Promise.reject(new Error('the update log is closed'));
    const worker = this.started();
    const seq = ++this.seq;
    // A view into a bigger buffer (a socket's read, Buffer's pool) would be cloned whole: send its bytes alone.
    const bytes = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : new Uint8Array(data);
    // Only while rows wait does the worker keep the process alive.
    if (this.waiting.length === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.push({ seq, resolve, reject });
      worker.postMessage({ seq, doc, data: bytes, at } satisfies AppendRequest);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { file: this.file } satisfies AppendWorkerData });
    worker.unref();
    worker.on('message', (reply: AppendReply) => this.answer(reply));
    // A worker that died takes its rows with it: they fail (not acknowledged, so their senders keep them), and
    // the next append starts another worker.
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.settle(Infinity, (w) => w.reject(error));
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the update log's worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: AppendReply) {
    if ('closed' in reply) return;
    if ('error' in reply) {
      const error = new Error(reply.error);
      this.settle(reply.upTo, (w) => w.reject(error));
    } else {
      let i = 0;
      this.settle(reply.upTo, (w) => w.resolve(reply.ids[i++]!));
    }
  }

  private settle(upTo: number, each: (waiting: Waiting) => void) {
    let n = 0;
    while (n < this.waiting.length && this.waiting[n]!.seq <= upTo) n++;
    const settled = this.waiting.splice(0, n);
    if (this.waiting.length === 0) {
      this.worker?.unref();
      this.drained?.();
    }
    for (const waiting of settled) each(waiting);
  }

  async close() {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    if (this.waiting.length > 0) await new Promise<void>((done) => (this.drained = done));
    this.worker = undefined;
    worker.ref();
    await new Promise<void>((done) => {
      worker.once('exit', () => done());
      worker.postMessage({ close: true } satisfies AppendRequest);
    });
  }
}
