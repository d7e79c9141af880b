import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type Docker from 'dockerode';
import type { ExecuteResult } from '../../../common/contract/playground.js';
import type { SandboxLimits } from './sandbox-limits.js';

export interface SandboxJob {
  mode: 'run' | 'test';
  files: Record<string, string>;
  stdin?: string;
  entry?: string;
  /** Report the files left in /work (scratch workspaces keep them). */
  returnFiles?: boolean;
}

export interface SandboxOutcome extends ExecuteResult {
  /** The harness's report (test jobs) or the files left (run jobs that asked); taken out of stdout. */
  report: unknown;
  /** Stopped by the caller's signal, as when a newer edit replaces a live check. */
  cancelled: boolean;
}

/** The result of a run that never ran (it failed to start, or was cancelled first). */
export const NOT_RUN: ExecuteResult = {
  stdout: '',
  stderr: '',
  exitCode: null,
  durationMs: 0,
  timedOut: false,
  oomKilled: false,
  truncated: false,
};

/** Keeps the first `limit` bytes of a stream and says when there was more. */
class CappedBuffer extends Writable {
  readonly chunks: Buffer[] = [];
  size = 0;
  cut = false;

  constructor(
    private readonly limit: number,
    private readonly onCut: () => void,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
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
    done();
  }

  /** Forgets the last `bytes` kept (the part of the exit line that came in an earlier chunk). */
  unkeep(bytes: number): void {
    while (bytes > 0 && this.chunks.length > 0) {
      const last = this.chunks.pop()!;
      if (last.length > bytes) this.chunks.push(last.subarray(0, last.length - bytes));
      this.size -= Math.min(bytes, last.length);
      bytes -= last.length;
    }
  }

  text(): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    return this.cut ? `${text}\n[output cut at ${this.limit} bytes]` : text;
  }
}

const MARKER = /\n@@lionlearn-results ([0-9a-f]+)@@(.*)\n?$/;

/**
 * The loader's supervisor (pid 1 in the container, loader.py) ends both streams with this line when
 * the job's process is done, and exits with these codes for what it enforces itself.
 */
const EXIT_LINE = /\n@@lionlearn-exit ([0-9a-f]*)@@(-?\d+)\n$/;
const EXIT_OOM = 251;
const EXIT_DEADLINE = 252;

/** Watches a stream's last bytes for the supervisor's exit line, and removes it from what is kept. */
class ExitLine extends Writable {
  tail = '';
  code: number | undefined;

  constructor(
    private readonly nonce: string,
    private readonly inner: CappedBuffer,
    private readonly onSeen: () => void,
  ) {
    super();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, done: () => void): void {
    this.tail = (this.tail + chunk.subarray(Math.max(0, chunk.length - 160)).toString('latin1')).slice(-160);
    const found = EXIT_LINE.exec(this.tail);
    if (found && found[1] === this.nonce) {
      // The line may have come in pieces: keep what came before it, drop what of it was kept.
      const before = chunk.length - (this.tail.length - found.index);
      this.inner.unkeep(Math.max(0, -before));
      if (before > 0) this.inner.write(chunk.subarray(0, before));
      this.code = Number(found[2]);
      this.onSeen();
    } else this.inner.write(chunk);
    done();
  }
}

/** A `wait` registered with the engine before the job goes in (its headers come once it is). */
function waitFor(docker: Docker, container: Docker.Container): Promise<{ exited: Promise<number> }> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${container.id}/wait?`,
        method: 'POST',
        isStream: true,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
        options: {},
      },
      (error, result) => {
        if (error) return reject(error as Error);
        const response = result as NodeJS.ReadableStream;
        resolve({
          exited: new Promise((done) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => {
              try {
                done((JSON.parse(body) as { StatusCode: number }).StatusCode);
              } catch {
                done(-1);
              }
            });
            response.on('error', () => done(-1));
          }),
        });
      },
    );
  });
}

/**
 * Runs one job in a started container that waits on stdin: the job goes in, stdout and stderr come
 * out (capped), a wall-clock timer kills what runs too long. The answer comes from the supervisor's
 * exit line, without waiting for Docker to stop the container; the container removes itself
 * (AutoRemove), and the caller waits for that off the answer path (`gone`).
 */
export async function runInContainer(
  docker: Docker,
  container: Docker.Container,
  job: SandboxJob,
  limits: SandboxLimits,
  signal?: AbortSignal,
): Promise<SandboxOutcome> {
  const nonce = randomBytes(12).toString('hex');
  let timedOut = false;
  let killed = false;
  const stop = () => {
    killed = true;
    void container.kill().catch(() => undefined);
  };
  const cancel = () => stop();
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) cancel();
  const stdout = new CappedBuffer(limits.outputBytes + 64 * 1024, stop);
  const stderr = new CappedBuffer(limits.outputBytes, stop);
  let bothSeen: () => void = () => {};
  const seen = new Promise<void>((resolve) => (bothSeen = resolve));
  const onSeen = () => outLine.code !== undefined && errLine.code !== undefined && bothSeen();
  const outLine = new ExitLine(nonce, stdout, onSeen);
  const errLine = new ExitLine(nonce, stderr, onSeen);
  let timer: NodeJS.Timeout | undefined;
  try {
    const [stream, { exited }] = await Promise.all([
      container.attach({
        stream: true,
        stdin: true,
        stdout: true,
        stderr: true,
        hijack: true,
      }) as Promise<NodeJS.ReadWriteStream>,
      waitFor(docker, container),
    ]);
    const ended = new Promise<void>((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
    docker.modem.demuxStream(stream, outLine, errLine);
    const started = performance.now();
    timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, limits.timeoutMs);
    stream.end(JSON.stringify({ ...job, nonce, limits: { timeoutMs: limits.timeoutMs, cpus: limits.cpus } }));
    // The supervisor's line on both streams, or the container stopped without it (killed), or the
    // caller cancelled: it answers at once and the container is killed off the answer path.
    const statusCode = await Promise.race([
      seen.then(() => outLine.code!),
      exited.then(async (code) => {
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1000))]);
        return outLine.code !== undefined && errLine.code !== undefined ? outLine.code : code;
      }),
      new Promise<null>((resolve) => {
        signal?.addEventListener('abort', () => resolve(null), { once: true });
        if (signal?.aborted) resolve(null);
      }),
    ]);
    clearTimeout(timer);
    const durationMs = Math.round(performance.now() - started);
    // The exit line says when the job was OOM-killed. Without it: pid 1 cannot be killed from inside,
    // so a 137 we did not cause is the kernel's OOM killer taking pid 1 itself.
    const fromLine = outLine.code !== undefined && errLine.code !== undefined;
    const oomKilled = statusCode === EXIT_OOM || (statusCode === 137 && !killed && !fromLine);
    if (statusCode === null) stop();
    timedOut ||= statusCode === EXIT_DEADLINE;

    let out = stdout.text();
    let report: unknown = null;
    const found = MARKER.exec(out);
    if (found && found[1] === nonce) {
      report = JSON.parse(found[2]!);
      out = out.slice(0, found.index);
    } else if (found) {
      out = out.slice(0, found.index);
    }
    // The harness's report may exceed the learner's cap by its own size, never the learner's output.
    const learnerOut = out.length > limits.outputBytes ? `${out.slice(0, limits.outputBytes)}\n[output cut]` : out;
    return {
      stdout: learnerOut,
      stderr: stderr.text(),
      exitCode: timedOut || statusCode === null ? null : oomKilled ? 137 : statusCode,
      durationMs,
      timedOut,
      oomKilled,
      truncated: stdout.cut || stderr.cut || out.length > limits.outputBytes,
      report,
      cancelled: signal?.aborted ?? false,
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}
