import { createHash } from 'node:crypto';
import type Docker from 'dockerode';
import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { refOf, say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { ExecuteResult, PlaygroundStatus, ValidateResult } from '../../../common/contract/playground.js';
import type { RecordInput } from '../../../common/contract/progress.js';
import type { Logger } from '../../../infra/log/logger.js';
import { ContainerPool, listSandboxes, removeLeftovers } from './container-pool.js';
import type { SandboxContainer } from './container-pool.js';
import { EngineUnavailable } from './docker-engine.js';
import type { DockerEngine } from './docker-engine.js';
import { LiveSessions } from './live-sessions.js';
import type { RuntimeImages } from './runtime-images.js';
import { ScratchWorkspaces } from './scratch-workspaces.js';
import { DEFAULT_LIMITS, DEFAULT_MAXIMA, withinMaxima } from './sandbox-limits.js';
import type { SandboxLimits } from './sandbox-limits.js';
import { WHILE_CODE_CANNOT_RUN } from './learner-help.js';
import { NOT_RUN, runInContainer } from './sandbox-run.js';
import type { SandboxJob, SandboxOutcome } from './sandbox-run.js';
import { poolForHost, SandboxSlots, slotsForHost } from './sandbox-slots.js';

export interface PlaygroundOptions {
  /** Containers kept started ahead (default: sized to the host's memory, poolForHost). */
  poolSize?: number;
  /** Sandboxes running jobs at once; more wait in a queue (default: from the host's CPUs). */
  maxConcurrent?: number;
  /** The running jobs' memory limits together (default: half the host's memory). */
  memoryBudgetMb?: number;
  /** How often leftover containers of dead apps are removed. */
  sweepIntervalMs?: number;
  liveDebounceMs?: number;
  sandboxIdleMs?: number;
  defaults?: SandboxLimits;
  maxima?: SandboxLimits;
}

/** What grading an exercise needs: its runtime, tests, helper modules and the limits it asks for. */
export interface ExerciseForRun {
  runtime: string;
  tests: string;
  helpers: Record<string, string>;
  limits: Partial<SandboxLimits>;
  /** The learner's code in a process of its own, the tests calling it across a pipe (assessments). */
  isolated?: boolean;
}

interface Deps {
  engine: DockerEngine;
  images: RuntimeImages;
  /** The learner a session belongs to; throws for a closed one. */
  learnerOf: (session: string) => string;
  /** Appends the learner's events the way trackProgress does. */
  record: (session: string, events: RecordInput[]) => Promise<unknown>;
  exerciseForRun: (exerciseId: string) => Promise<ExerciseForRun>;
  emit: (event: LearnEvent) => void;
  /** Where scratch workspaces keep their files. */
  workspacesDir: string;
  logger: Logger;
  options?: PlaygroundOptions;
}

export interface Playground {
  service: Pick<
    LearnService,
    | 'getPlaygroundStatus'
    | 'executeCode'
    | 'cancelRun'
    | 'validateCode'
    | 'startLiveSession'
    | 'updateLiveCode'
    | 'endLiveSession'
    | 'createSandbox'
    | 'runInSandbox'
    | 'destroySandbox'
  >;
  /** Grades code against an exercise, installed or not, the way validateCode does; records nothing. */
  grade(exercise: ExerciseForRun, code: string): Promise<ValidateResult>;
  /** Sweeps containers a crashed run left and pre-starts the pool; never throws. */
  warmUp(runtime?: string): Promise<void>;
  /** For the command line and admins: runs without a learner session, and the engine's sandboxes. */
  admin: PlaygroundAdmin;
  close(): Promise<void>;
}

export interface PlaygroundAdmin {
  /** A program run as executeCode runs it, with nothing recorded. */
  execute(code: string, options?: { stdin?: string; timeoutMs?: number; runtime?: string }): Promise<ExecuteResult>;
  /** An exercise's tests against the code, as validateCode grades, with nothing recorded. */
  check(exerciseId: string, code: string): Promise<ValidateResult>;
  status(runtime?: string): Promise<PlaygroundStatus>;
  /** The sandbox containers on the engine, of every app on this machine. */
  sandboxes(): Promise<SandboxContainer[]>;
  /** Removes the containers of apps that are no longer running; says how many. */
  prune(): Promise<number>;
  /** This app's queue: pre-started, running and waiting jobs, and the cap. */
  load(): {
    poolSize: number;
    pooled: number;
    running: number;
    queued: number;
    maxConcurrent: number;
    memoryBudgetMb: number;
  };
}

/** What the contract returns of a run: without the loader's report and the cancel flag. */
const omitReport = ({
  report: _report,
  loaderErrors: _loaderErrors,
  cancelled: _cancelled,
  ...result
}: SandboxOutcome): ExecuteResult => result;

/**
 * The verdict of a test run. The loader computed it from one outcome per test; when the run was cut
 * short (timeout, memory, output, a crash, tampering) the verdict is an error saying why.
 */
export function gradeOf(ran: SandboxOutcome): ValidateResult {
  const run = omitReport(ran);
  const grading = ran.report?.grading;
  if (!grading || run.timedOut || run.oomKilled || run.truncated || grading.problem) {
    const message = run.message ?? grading?.message ?? 'The tests could not run.';
    const { messageI18n } = run;
    return { status: 'error', tests: grading?.tests ?? [], run, message, ...(messageI18n ? { messageI18n } : {}) };
  }
  const { status, tests, message } = grading;
  return { status, tests, run, ...(message ? { message } : {}) };
}

/** A run stopped by its caller before it started. */
const cancelledRun: SandboxOutcome = { ...NOT_RUN, report: null, loaderErrors: '', cancelled: true };

/** Docker's answer for a container that is no longer there or no longer running. */
const goneBeforeJob = (error: unknown) => [404, 409].includes((error as { statusCode?: number }).statusCode ?? 0);

/** A status's learner-facing words: English text with the references the faces translate. */
const spoken = (message: Said, help: Said | null) => ({
  message: message.text,
  messageI18n: refOf(message),
  help: help?.text ?? null,
  ...(help ? { helpI18n: refOf(help) } : {}),
});

const unavailable = (error: unknown) => {
  if (error instanceof EngineUnavailable)
    return new LearnError('unavailable', say('code-cannot-run', { problem: error.said, help: WHILE_CODE_CANNOT_RUN }));
  return error;
};

/** The seed's Code Playground: code runs in a fresh, locked-down container on this machine. */
export function createPlayground(deps: Deps): Playground {
  const { engine, images, learnerOf, record, exerciseForRun, logger, options } = deps;
  const defaults = options?.defaults ?? DEFAULT_LIMITS;
  const maxima = options?.maxima ?? DEFAULT_MAXIMA;
  const pools = new Map<string, ContainerPool>();
  /** Runtimes whose image is being loaded, and the load everyone waiting shares. */
  const loading = new Map<string, Promise<void>>();
  let swept = false;
  let sweeper: NodeJS.Timeout | undefined;
  const cap = {
    ...slotsForHost(),
    ...(options?.maxConcurrent !== undefined ? { maxConcurrent: options.maxConcurrent } : {}),
    ...(options?.memoryBudgetMb !== undefined ? { memoryBudgetMb: options.memoryBudgetMb } : {}),
  };
  const slots = new SandboxSlots(cap);
  const hostPool = poolForHost();
  const poolSize = options?.poolSize ?? hostPool;

  const sweep = async () => {
    const removed = await engine.call(removeLeftovers);
    if (removed > 0) logger.info({ removed }, 'removed sandbox containers left by apps no longer running');
    return removed;
  };

  const status = async (runtime: string): Promise<PlaygroundStatus> => {
    const image = images.known(runtime) ? images.imageFor(runtime) : '';
    const base = { runtime, image };
    if (!image) {
      return {
        ...base,
        canRun: false,
        state: 'unavailable',
        ...spoken(say('runtime-unknown', { runtime }), WHILE_CODE_CANNOT_RUN),
        fix: 'Update the app.',
      };
    }
    try {
      await engine.ping();
      if (loading.has(runtime)) {
        return {
          ...base,
          canRun: true,
          state: 'image-building',
          ...spoken(say('sandbox-image-loading', { runtime }), null),
          fix: null,
        };
      }
      if (await engine.hasImage(image)) {
        return { ...base, canRun: true, state: 'ready', ...spoken(say('sandbox-ready'), null), fix: null };
      }
      const archive = await images.archiveFor(runtime);
      return {
        ...base,
        canRun: archive !== undefined,
        state: 'image-missing',
        ...spoken(say('sandbox-image-missing', { runtime }), archive ? null : WHILE_CODE_CANNOT_RUN),
        fix: archive
          ? `It loads from ${archive} at the first run.`
          : 'Build it once with `sudo lionlearn sandbox build` (needs the Debian mirror or a local one), ' +
            `or place a \`docker save\` archive at ${images.archivesDir}/${runtime}.tar.`,
      };
    } catch (error) {
      if (!(error instanceof EngineUnavailable)) throw error;
      const { state, said, fix } = error;
      return { ...base, canRun: false, state, ...spoken(said, WHILE_CODE_CANNOT_RUN), fix };
    }
  };

  /** The pool of a runtime, once its image is there (loaded from an archive if need be). */
  const poolFor = async (runtime: string): Promise<ContainerPool> => {
    const image = images.imageFor(runtime);
    let pool = pools.get(image);
    if (pool) return pool;
    if (!swept) {
      swept = true;
      await sweep();
      // Not only at start: an app killed while this one runs leaves containers too.
      sweeper = setInterval(
        () => void sweep().catch((error: unknown) => logger.warn({ err: error }, 'the sandbox sweep failed')),
        options?.sweepIntervalMs ?? 60_000,
      ).unref();
    }
    if (!(await engine.hasImage(image))) {
      const archive = await images.archiveFor(runtime);
      if (!archive) {
        // A learner reads this: what is missing and what they can do; the admin's build command is in doctor.
        const problem = say('sandbox-image-missing', { runtime });
        throw new LearnError('unavailable', say('code-cannot-run', { problem, help: WHILE_CODE_CANNOT_RUN }));
      }
      if (!loading.has(runtime)) {
        const load = images.load(runtime, archive, (p) =>
          deps.emit({ type: 'sandbox-image-progress', runtime, percent: p.percent, detail: p.detail }),
        );
        loading.set(
          runtime,
          load.finally(() => loading.delete(runtime)),
        );
      }
      await loading.get(runtime);
      pool = pools.get(image);
      if (pool) return pool;
    }
    pool = new ContainerPool(engine.docker, image, defaults, poolSize, logger, {
      queued: () => slots.queued,
      // The next wave only: no more queued jobs can start at once than the cap lets run.
      queuedMax: Math.min(hostPool, cap.maxConcurrent),
    });
    pools.set(image, pool);
    return pool;
  };

  const run = async (runtime: string, job: SandboxJob, asked: Partial<SandboxLimits>, signal?: AbortSignal) => {
    if (!images.known(runtime)) throw new LearnError('invalid-input', say('runtime-unknown', { runtime }));
    const limits = withinMaxima(defaults, asked, maxima);
    const turn = slots.acquire(limits.memoryMb);
    if (slots.queued > 0) pools.get(images.imageFor(runtime))?.queueGrew();
    const ticket = await turn;
    const pool = await poolFor(runtime).catch((error: unknown) => {
      ticket.gone();
      throw unavailable(error);
    });
    const taken: Docker.Container[] = [];
    try {
      for (;;) {
        if (signal?.aborted) return cancelledRun;
        const container = await engine.call(() => pool.take(limits));
        taken.push(container);
        try {
          if (limits.memoryMb !== defaults.memoryMb || limits.cpus !== defaults.cpus || limits.pids !== defaults.pids) {
            const memory = limits.memoryMb * 1024 * 1024;
            await container.update({
              Memory: memory,
              MemorySwap: memory,
              NanoCpus: Math.round(limits.cpus * 1e9),
              PidsLimit: limits.pids,
            });
          }
          return await runInContainer(engine.docker, container, job, limits, signal);
        } catch (error) {
          // Cancelled before its job went in: the container was killed (and removed itself) under it.
          if (signal?.aborted) return cancelledRun;
          // A pooled container that died while it waited (Docker restarted, someone removed it): the
          // job never went in, so it gets another one, once.
          if (taken.length === 1 && goneBeforeJob(error)) continue;
          throw error;
        }
      }
    } catch (error) {
      throw unavailable(error);
    } finally {
      ticket.answered();
      // Starting containers takes the CPU the running jobs need: the pool refills once the jobs now
      // running have answered, or at once when it is below half its size, so a steady stream of jobs
      // never leaves it empty. Bursts of 10 on 2 cores: p95 1.7 s, against 3.6 s refilling after each answer.
      if (slots.running === 0 || pool.readyCount < poolSize / 2) void pool.refill();
      // Its memory is free once the containers are gone, off the answer path.
      void Promise.all(taken.map((c) => pool.retire(c))).finally(ticket.gone);
    }
  };

  /** The exercise's tests against the code, nothing recorded: for submissions and live feedback. */
  const grade = async (exercise: ExerciseForRun, code: string, signal?: AbortSignal) => {
    const { runtime, tests, helpers, limits, isolated } = exercise;
    const files = { ...helpers, 'tests.py': tests, 'solution.py': code };
    const ran = await run(runtime, { mode: 'test', files, isolated: isolated ?? false }, limits, signal);
    if (!ran.report && ran.loaderErrors) logger.warn({ loaderErrors: ran.loaderErrors }, 'the sandbox loader failed');
    const result = gradeOf(ran);
    return { ...result, cancelled: ran.cancelled };
  };
  const check = async (exerciseId: string, code: string, signal?: AbortSignal) =>
    grade(await exerciseForRun(exerciseId), code, signal);

  const runs = new Map<string, AbortController>();
  const live = new LiveSessions(check, deps.emit, { debounceMs: options?.liveDebounceMs });
  const workspaces = new ScratchWorkspaces(
    deps.workspacesDir,
    (job) => run('python-3.11', job, {}),
    options?.sandboxIdleMs,
  );

  const service: Playground['service'] = {
    getPlaygroundStatus: async ({ runtime }) => status(runtime),

    executeCode: async ({ session, code, stdin, runtime, timeoutMs, runId }) => {
      const learnerId = learnerOf(session);
      // A run with an id can be stopped by its learner (cancelRun); ids are per learner.
      const key = runId && `${learnerId}\n${runId}`;
      if (key && runs.has(key)) throw new LearnError('conflict', say('run-id-taken'));
      const controller = new AbortController();
      if (key) runs.set(key, controller);
      try {
        const outcome = await run(
          runtime,
          { mode: 'run', files: { 'main.py': code }, stdin },
          {
            ...(timeoutMs ? { timeoutMs } : {}),
          },
          controller.signal,
        );
        return omitReport(outcome);
      } finally {
        if (key) runs.delete(key);
      }
    },
    cancelRun: async ({ session, runId }) => {
      runs.get(`${learnerOf(session)}\n${runId}`)?.abort();
      return null;
    },

    validateCode: async ({ session, exerciseId, code, hintsUsed }) => {
      learnerOf(session);
      const { cancelled: _cancelled, ...result } = await check(exerciseId, code);
      const outcome = result.run;
      const events: RecordInput[] = [
        {
          type: 'ExerciseSubmitted',
          data: {
            exerciseId,
            codeHash: createHash('sha256').update(code).digest('hex'),
            tests: result.tests.map((t) => ({ name: t.name.slice(0, 200), status: t.status })),
            durationMs: Math.min(outcome.durationMs, 24 * 3600 * 1000),
            hintsUsed,
            skills: [],
          },
        },
      ];
      if (result.status === 'pass' && result.tests.length > 0)
        events.push({ type: 'ExerciseCompleted', data: { exerciseId } });
      await record(session, events);
      return result;
    },

    startLiveSession: async ({ session, exerciseId }) => {
      const learnerId = learnerOf(session);
      await exerciseForRun(exerciseId);
      return live.start(learnerId, exerciseId);
    },
    updateLiveCode: async ({ session, liveId, code }) => {
      live.update(learnerOf(session), liveId, code);
      return null;
    },
    endLiveSession: async ({ session, liveId }) => live.end(learnerOf(session), liveId),

    createSandbox: async ({ session }) => workspaces.create(learnerOf(session)),
    runInSandbox: async ({ session, sandboxId, files, entry, stdin }) =>
      workspaces.runIn(learnerOf(session), sandboxId, { files, entry, stdin }),
    destroySandbox: async ({ session, sandboxId }) => {
      await workspaces.destroy(learnerOf(session), sandboxId);
      return null;
    },
  };

  return {
    service,
    grade: async (exercise, code) => {
      const { cancelled: _cancelled, ...result } = await grade(exercise, code);
      return result;
    },
    warmUp: async (runtime = 'python-3.11') => {
      try {
        if ((await status(runtime)).state === 'ready') await (await poolFor(runtime)).refill();
      } catch (error) {
        logger.warn({ err: error }, 'the sandbox pool could not start');
      }
    },
    admin: {
      execute: async (code, { stdin, timeoutMs, runtime = 'python-3.11' } = {}) =>
        omitReport(
          await run(runtime, { mode: 'run', files: { 'main.py': code }, stdin }, timeoutMs ? { timeoutMs } : {}),
        ),
      check: async (exerciseId, code) => {
        const { cancelled: _cancelled, ...result } = await check(exerciseId, code);
        return result;
      },
      status: (runtime = 'python-3.11') => status(runtime),
      sandboxes: () => engine.call(listSandboxes),
      prune: () => engine.call(removeLeftovers),
      load: () => ({
        poolSize,
        pooled: [...pools.values()].reduce((n, p) => n + p.readyCount, 0),
        running: slots.running,
        queued: slots.queued,
        ...cap,
      }),
    },
    close: async () => {
      clearInterval(sweeper);
      live.close();
      workspaces.close();
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}
