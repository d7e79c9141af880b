import type Docker from 'dockerode';
import { sandboxReportSchema } from '../../../common/contract/playground.js';
import type { ExecuteResult, SandboxReport } from '../../../common/contract/playground.js';
import { outcomeSentence } from './run-outcomes.js';
import { CappedBuffer, FrameReader } from './sandbox-frames.js';
import type { SandboxLimits } from './sandbox-limits.js';

export interface SandboxJob {
  mode: 'run' | 'test';
  files: Record<string, string>;
  stdin?: string;
  entry?: string;
  /** Report the files left in /work (scratch workspaces keep them). */
  returnFiles?: boolean;
  /** A test job whose solution runs in a process apart from the tests (loader.py). */
  isolated?: boolean;
}

export interface SandboxOutcome extends ExecuteResult {
  /** The loader's report, from its own channel and parsed; null when there is none or it is not valid. */
  report: SandboxReport | null;
  /** What the loader itself wrote to stderr: empty unless the sandbox failed (for the log). */
  loaderErrors: string;
  /** Stopped by the caller's signal, as when a newer edit replaces a live check. */
  cancelled: boolean;
}

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
  let timedOut = false;
  const stop = () => void container.kill().catch(() => undefined);
  const cancel = () => stop();
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) cancel();
  // The loader cuts the program's output at the cap as it is written; these caps are the backstop.
  const stdout = new CappedBuffer(limits.outputBytes, stop);
  const stderr = new CappedBuffer(limits.outputBytes, stop);
  const frames = new FrameReader(stdout, stderr);
  const loaderErrors = new CappedBuffer(16 * 1024, stop);
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
    docker.modem.demuxStream(stream, frames, loaderErrors);
    const started = performance.now();
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, limits.timeoutMs);
    stream.end(JSON.stringify({ ...job, outputBytes: limits.outputBytes }));
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    clearTimeout(timer);
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1000))]);
    const durationMs = Math.round(performance.now() - started);
    const state = (await container.inspect()).State;

    const report = frames.broken || timedOut ? null : parseReport(frames.report);
    const truncated = stdout.cut || stderr.cut || frames.report.cut || (report?.truncated ?? false);
    const run = { timedOut, oomKilled: state.OOMKilled, truncated, durationMs };
    const message = outcomeSentence(run, report, limits);
    return {
      ...run,
      stdout: stdout.text(truncated),
      stderr: stderr.text(truncated),
      exitCode: timedOut ? null : (report?.exit.code ?? StatusCode),
      ...(message ? { message } : {}),
      report,
      loaderErrors: loaderErrors.text(),
      cancelled: signal?.aborted ?? false,
    };
  } finally {
    signal?.removeEventListener('abort', cancel);
    await container.remove({ force: true }).catch(() => undefined);
  }
}

function parseReport(buffer: CappedBuffer): SandboxReport | null {
  if (buffer.cut || buffer.size === 0) return null;
  try {
    const parsed = sandboxReportSchema.safeParse(JSON.parse(buffer.text()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
