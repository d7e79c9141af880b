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

  text(): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    return this.cut ? `${text}\n[output cut at ${this.limit} bytes]` : text;
  }
}

const MARKER = /\n@@lionlearn-results ([0-9a-f]+)@@(.*)\n?$/;

/**
 * Runs one job in a started container that waits on stdin, then removes the container: the job
 * goes in, stdout and stderr come out (capped), a wall-clock timer kills what runs too long.
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
  const stop = () => void container.kill().catch(() => undefined);
  const cancel = () => stop();
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) cancel();
  const stdout = new CappedBuffer(limits.outputBytes + 64 * 1024, stop);
  const stderr = new CappedBuffer(limits.outputBytes, stop);
  try {
    const stream = (await container.attach({
      stream: true,
      stdin: true,
      stdout: true,
      stderr: true,
      hijack: true,
    })) as NodeJS.ReadWriteStream;
    const ended = new Promise<void>((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
    docker.modem.demuxStream(stream, stdout, stderr);
    const started = performance.now();
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, limits.timeoutMs);
    stream.end(JSON.stringify({ ...job, nonce }));
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    clearTimeout(timer);
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1000))]);
    const durationMs = Math.round(performance.now() - started);
    const state = (await container.inspect()).State;

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
      exitCode: timedOut ? null : StatusCode,
      durationMs,
      timedOut,
      oomKilled: state.OOMKilled,
      truncated: stdout.cut || stderr.cut || out.length > limits.outputBytes,
      report,
      cancelled: signal?.aborted ?? false,
    };
  } finally {
    signal?.removeEventListener('abort', cancel);
    await container.remove({ force: true }).catch(() => undefined);
  }
}
