import { Writable } from 'node:stream';

/** Keeps the first `limit` bytes of a stream and says when there was more. */
export class CappedBuffer extends Writable {
  readonly chunks: Buffer[] = [];
  size = 0;
  cut = false;

  constructor(
    readonly limit: number,
    private readonly onCut: () => void = () => {},
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.add(chunk);
    done();
  }

  add(chunk: Buffer): void {
    const room = this.limit - this.size;
    if (chunk.length > room) {
      if (room > 0) this.chunks.push(chunk.subarray(0, room));
      this.size = this.limit;
      if (!this.cut) {
        this.cut = true;
        this.onCut();
      }
    } else {
      this.chunks.push(chunk);
      this.size += chunk.length;
    }
  }

  /** The text kept, with a note when the stream reached its cap. */
  text(noteIfFull = this.cut): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    return noteIfFull && this.size >= this.limit ? `${text}\n[output cut at ${this.limit} bytes]` : text;
  }
}

/** A report as large as the contract lets a scratch workspace keep (50 files of 200,000 characters), JSON-escaped. */
export const REPORT_LIMIT = 64 * 1024 * 1024;

/**
 * Reads the frames the sandbox's loader writes on the container's stdout (loader.py): one byte of kind
 * (o: the program's stdout, e: its stderr, r: the report, x: the end), four bytes of length, then the
 * bytes. Only the loader writes there, so the program's output cannot pass for a report; anything else,
 * or anything after the end, ends the channel (`broken`). `ended` resolves at the end frame: the run
 * is answered from it, without waiting for Docker to stop the container.
 */
export class FrameReader extends Writable {
  readonly report: CappedBuffer = new CappedBuffer(REPORT_LIMIT);
  broken = false;
  /** The end frame was read (every frame before it was too). */
  done = false;
  readonly ended: Promise<void>;
  #end: () => void = () => {};
  #pending = Buffer.alloc(0);

  constructor(
    private readonly stdout: CappedBuffer,
    private readonly stderr: CappedBuffer,
  ) {
    super();
    this.ended = new Promise((resolve) => (this.#end = resolve));
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    let data = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    while (!this.broken && data.length >= 5) {
      const kind = String.fromCharCode(data[0]!);
      const length = data.readUInt32BE(1);
      const target = kind === 'o' ? this.stdout : kind === 'e' ? this.stderr : kind === 'r' ? this.report : null;
      if (this.done || (!target && !(kind === 'x' && length === 0))) {
        this.broken = true;
        break;
      }
      if (data.length < 5 + length) break;
      if (target) target.add(data.subarray(5, 5 + length));
      else {
        this.done = true;
        this.#end();
      }
      data = data.subarray(5 + length);
    }
    this.#pending = this.broken ? Buffer.alloc(0) : Buffer.from(data);
    done();
  }
}
