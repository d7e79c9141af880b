import { Worker } from 'node:worker_threads';
import type { AppendReply, AppendRequest, AppendRow, AppendWorkerData } from './append-worker.js';
import type { UpdateAppender } from './update-appender.js';

interface Waiting {
  seq: number;
  resolve(id: number): void;
  reject(error: unknown): void;
}

/**
 * How long a row appended while the worker is idle waits for others before it is posted: the rows of this window
 * share one commit and one flush of the log. Storage was what kept the relay behind y-websocket: with it cut out
 * (append resolving at once) ours relayed 6% faster than y-websocket, with it 7-9% slower, and it took half the
 * server's CPU per update (0.50 against 0.26 ms), on two cores the clients' processes share. Each flush costs
 * about 0.17 ms of CPU (fsync's kernel work, the commit, the messages), and at 1 ms nearly every update had its
 * own. At 8 ms a batch holds about four at bench/sync's 500 updates a second: CPU per update 0.37-0.39 ms, the
 * ack's median about 6 ms and its p99 12.5 ms (target 50 ms; Hocuspocus persists after seconds). A row appended
 * while the worker commits waits for that commit as before, however long the window.
 */
const GATHER_MS = 8;

/**
 * Commits update rows on SQLite in a worker thread (append-worker.ts), so the event loop only posts the rows
 * and reads one answer per batch. On the event loop, the INSERT, the log's flush request and the checkpoints
 * that commits start took a quarter of the server's time per update and stalled the loop for milliseconds
 * under load, delaying the relay of every other update (bench/sync). The worker commits each message's rows in
 * one transaction, so the order of the appends is kept and a burst costs one flush.
 * One message is with the worker at a time: rows appended meanwhile wait here and go together once it answers,
 * as they would have waited for its flush anyway, and a row appended while it is idle waits GATHER_MS for
 * others. The worker runs at a lower CPU priority than the relays (append-worker.ts). A message per row cost the event loop a post (about 40 us) and the worker a wake-up per update.
 * Its connection and the server's share the file: while the worker holds the write lock (a fraction of a
 * millisecond per batch, the flush comes after it) a write of the server's waits in SQLite's busy handler.
 */
export class WorkerAppender implements UpdateAppender {
  private worker: Worker | undefined;
  private seq = 0;
  /** In the order of `seq`: answers come in that order. */
  private waiting: Waiting[] = [];
  /** Rows not yet posted, in the order of `seq`. */
  private outbox: AppendRow[] = [];
  /** The last row posted: the worker has a message unanswered while its answers have not reached it. */
  private postedUpTo = 0;
  private postQueued = false;
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
    this.outbox.push({ seq, doc, data: bytes, at });
    if (!this.busy() && !this.postQueued) {
      this.postQueued = true;
      setTimeout(this.postQueuedRows, GATHER_MS);
    }
    return new Promise((resolve, reject) => this.waiting.push({ seq, resolve, reject }));
  }

  /** The worker has rows it has not answered for. */
  private busy() {
    return this.waiting.length > 0 && this.waiting[0]!.seq <= this.postedUpTo;
  }

  private readonly postQueuedRows = () => {
    this.postQueued = false;
    if (!this.busy()) this.post();
  };

  private post() {
    if (this.outbox.length === 0 || !this.worker) return;
    const rows = this.outbox;
    this.outbox = [];
    this.postedUpTo = rows.at(-1)!.seq;
    this.worker.postMessage({ rows } satisfies AppendRequest);
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
      this.outbox = [];
      this.settle(Infinity, (w) => w.reject(error));
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the update log's worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: AppendReply) {
    if ('closed' in reply) return;
    // What came during the flush goes now, before the answered rows are settled: the next commit starts at once.
    if (reply.upTo >= this.postedUpTo) this.post();
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
