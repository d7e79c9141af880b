import type Docker from 'dockerode';
import { sandboxReportSchema } from '../../../common/contract/playground.js';
import type { ExecuteResult, SandboxReport } from '../../../common/contract/playground.js';
import { refOf } from '../../../common/i18n/message.js';
import { outcomeSentence } from './run-outcomes.js';
import { CappedBuffer, FrameReader } from './sandbox-frames.js';
import { waitFor } from './container-wait.js';
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

/** How long past its timeout the app waits for the loader to end a run before it kills the container. */
const BACKSTOP_MS = 2000;

/** The container's stdin and output in one stream: the job goes in, the loader's frames come out. */
export const attachJob = (container: Docker.Container) =>
  container.attach({
    stream: true,
    stdin: true,
    stdout: true,
    stderr: true,
    hijack: true,
  }) as Promise<NodeJS.ReadWriteStream>;

/** A signal's abort as a promise (never settles without one). */
const aborted = (signal?: AbortSignal) =>
  new Promise<'cancelled'>((resolve) => {
    if (signal?.aborted) resolve('cancelled');
    signal?.addEventListener('abort', () => resolve('cancelled'), { once: true });
  });

/**
 * Runs one job in a started container that waits on stdin: the job goes in, the loader's frames come
 * out (output capped), and the answer comes at the loader's end frame, without waiting for Docker to
 * stop the container. The loader holds the run to its timeout itself; the app kills the container
 * only past that (BACKSTOP_MS) or when the caller cancels. The container removes itself (AutoRemove);
 * the caller waits for that off the answer path (ContainerPool.retire).
 */
export async function runInContainer(
  docker: Docker,
  container: Docker.Container,
  job: SandboxJob,
  limits: SandboxLimits,
  signal?: AbortSignal,
): Promise<SandboxOutcome> {
  let killedAtBackstop = false;
  let killed = false;
  const stop = () => {
    killed = true;
    void container.kill().catch(() => undefined);
  };
  const cancel = () => stop();
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) cancel();
  // The loader cuts the program's output at the cap as it is written; these caps are the backstop.
  const stdout = new CappedBuffer(limits.outputBytes, stop);
  const stderr = new CappedBuffer(limits.outputBytes, stop);
  const frames = new FrameReader(stdout, stderr);
  const loaderErrors = new CappedBuffer(16 * 1024, stop);
  let timer: NodeJS.Timeout | undefined;
  try {
    const [stream, { exited }] = await Promise.all([attachJob(container), waitFor(docker, container)]);
    const ended = new Promise<void>((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
    docker.modem.demuxStream(stream, frames, loaderErrors);
    const started = performance.now();
    timer = setTimeout(() => {
      killedAtBackstop = true;
      stop();
    }, limits.timeoutMs + BACKSTOP_MS);
    const { outputBytes, timeoutMs, cpus } = limits;
    stream.end(JSON.stringify({ ...job, outputBytes, timeoutMs, cpus }));
    // The loader's end frame; or the container stopped without it (the loader was killed: by us, or
    // for memory), when what it wrote is read to the end; or the caller cancelled.
    const answer = await Promise.race([
      frames.ended.then(() => 'ended' as const),
      exited.then(async (code) => {
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1000))]);
        return code;
      }),
      aborted(signal),
    ]);
    clearTimeout(timer);
    const durationMs = Math.round(performance.now() - started);

    const report = frames.broken || killedAtBackstop ? null : parseReport(frames.report);
    const timedOut = killedAtBackstop || (report?.timedOut ?? false);
    // Without the loader's word: pid 1 cannot be killed from inside, so a 137 we did not cause is the
    // kernel's OOM killer.
    const oomKilled = report ? report.oomKilled : answer === 137 && !killed;
    const truncated = stdout.cut || stderr.cut || frames.report.cut || (report?.truncated ?? false);
    const run = { timedOut, oomKilled, truncated, durationMs };
    const outcome = outcomeSentence(run, report, limits);
    const exitCode = report?.exit.code ?? (typeof answer === 'number' && answer >= 0 ? answer : null);
    return {
      ...run,
      stdout: stdout.text(truncated),
      stderr: stderr.text(truncated),
      exitCode: timedOut || answer === 'cancelled' ? null : exitCode,
      ...(outcome ? { message: outcome.text, messageI18n: refOf(outcome) } : {}),
      report,
      loaderErrors: loaderErrors.text(),
      cancelled: signal?.aborted ?? false,
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
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
