import type Docker from 'dockerode';
import type { Logger } from '../../../infra/log/logger.js';
import { hardenedContainer, OWNER_LABEL, OWNER_START_LABEL, SANDBOX_LABEL } from './sandbox-limits.js';
import type { SandboxLimits } from './sandbox-limits.js';
import { ownerAlive, thisOwner } from './sandbox-owner.js';

/** How long a container may take to stop after its job answered before it is killed. */
const RETIRE_GRACE_MS = 1_000;

/** A job waiting for a container that is being started for it. */
interface Waiter {
  resolve: (container: Docker.Container | Promise<Docker.Container>) => void;
}

/**
 * Containers created and started ahead of time, each waiting for one job on stdin, so a run does
 * not wait for a container to start. Each is handed out once and never returns to the pool.
 *
 * Starting a container is most of a cold run, so the work of starting them is kept off the jobs'
 * way: the pool is started before the jobs come (its size from the host, sandbox-slots.ts); jobs
 * beyond it, waiting in the queue for their turn, get their containers started while they wait, not
 * once their turn comes; and containers start several at once, as the engine starts them in parallel.
 */
export class ContainerPool {
  readonly #ready: Docker.Container[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #owner = thisOwner();
  /** Containers being started. */
  #starting = 0;
  /** A refill is under way: fill to the pool's size, not only for the jobs in the queue. */
  #filling = false;
  /** Who waits for the refill to end (warmUp, close). */
  #whenFilled: (() => void)[] = [];
  #closed = false;

  constructor(
    private readonly docker: Docker,
    private readonly image: string,
    private readonly limits: SandboxLimits,
    private readonly size: number,
    private readonly logger: Logger,
    private readonly options: {
      /** Jobs waiting in the queue for their turn. */
      queued?: () => number;
      /** The most containers started for those at once (default: the pool's size). */
      queuedMax?: number;
      /** Containers started at once: more only queue inside the engine and take the CPU from the runs. */
      parallel?: number;
    } = {},
  ) {}

  get readyCount(): number {
    return this.#ready.length;
  }

  /** Jobs wait in the queue (one just joined it): their containers start now, while they wait. */
  queueGrew(): void {
    this.#pump();
  }

  /**
   * A fresh started container for a job with these limits. The work folder and /tmp are sized when a
   * container is made, so a job asking other sizes gets its own container instead of a pooled one;
   * the rest (memory, CPUs, pids) the caller updates on the pooled container.
   */
  async take(limits: SandboxLimits = this.limits): Promise<Docker.Container> {
    if (limits.workDirMb !== this.limits.workDirMb || limits.tmpMb !== this.limits.tmpMb) return this.#start(limits);
    const ready = this.#ready.shift();
    if (ready) {
      this.#pump(); // the jobs waiting in the queue may now want one more
      return ready;
    }
    // One is being started and nobody waits for it yet: take that one rather than start another.
    if (this.#starting > this.#waiters.length) return new Promise((resolve) => this.#waiters.push({ resolve }));
    // No refill here: starting containers takes the CPU the job needs; the caller refills once answered.
    return this.#start(this.limits);
  }

  /** Starts containers until the pool has its size; resolves once it has (or the engine refused one). */
  refill(): Promise<void> {
    const filled = new Promise<void>((resolve) => this.#whenFilled.push(resolve));
    this.#filling = true;
    this.#pump();
    this.#settle();
    return filled;
  }

  /** How many containers should be ready or starting for nobody yet. */
  #wanted(): number {
    const queued = Math.min(this.options.queued?.() ?? 0, this.options.queuedMax ?? this.size);
    return this.#filling ? Math.max(this.size, queued) : queued;
  }

  /** Starts containers, a few at a time, until as many as wanted are ready or starting. */
  #pump(): void {
    const parallel = this.options.parallel ?? 2;
    while (
      !this.#closed &&
      this.#starting < parallel &&
      this.#ready.length + this.#starting - this.#waiters.length < this.#wanted()
    ) {
      this.#starting += 1;
      this.#start(this.limits).then(
        (container) => {
          this.#starting -= 1;
          const waiter = this.#waiters.shift();
          if (waiter) waiter.resolve(container);
          else if (this.#closed) void container.remove({ force: true }).catch(() => undefined);
          else this.#ready.push(container);
          this.#pump();
          this.#settle();
        },
        (error: unknown) => {
          this.#starting -= 1;
          this.logger.warn({ err: error }, 'could not pre-start a sandbox container');
          // The engine refused: no more tries until the next refill. A job that waited for this
          // container starts one of its own, and meets the engine's error there.
          this.#filling = false;
          this.#waiters.shift()?.resolve(this.#start(this.limits));
          this.#settle();
        },
      );
    }
  }

  /** Tells those waiting for the refill once nothing is starting any more. */
  #settle(): void {
    if (this.#starting > 0) return;
    this.#filling = false;
    for (const resolve of this.#whenFilled.splice(0)) resolve();
  }

  async #start(limits: SandboxLimits): Promise<Docker.Container> {
    const container = await this.docker.createContainer(hardenedContainer(this.image, limits, this.#owner));
    await container.start();
    return container;
  }

  /**
   * Resolves once a container that has answered is gone (it removes itself when it stops); one
   * still running after a short grace, such as a daemon its program left, is killed.
   */
  async retire(container: Docker.Container): Promise<void> {
    const stopped = container.wait().then(
      () => true,
      () => true, // already removed
    );
    const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), RETIRE_GRACE_MS).unref());
    if (!(await Promise.race([stopped, late]))) {
      await container.remove({ force: true }).catch(() => undefined);
      await stopped;
    }
  }

  /** Removes the waiting containers; the label sweep catches any left by a crash. */
  async close(): Promise<void> {
    this.#closed = true;
    await new Promise<void>((resolve) => {
      this.#whenFilled.push(resolve);
      this.#settle();
    });
    await Promise.all(this.#ready.splice(0).map((c) => c.remove({ force: true }).catch(() => undefined)));
  }
}

/** A sandbox container on the engine, whose app made it and whether that app still runs. */
export interface SandboxContainer {
  id: string;
  ownerPid: number;
  ownerAlive: boolean;
  state: string;
  createdAt: Date;
}

/** Every sandbox container on the engine, this machine's apps' and those left by dead ones. */
export async function listSandboxes(docker: Docker): Promise<SandboxContainer[]> {
  const all = await docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } });
  return all.map((c) => {
    const ownerPid = Number(c.Labels[OWNER_LABEL]);
    return {
      id: c.Id,
      ownerPid,
      ownerAlive: ownerAlive(ownerPid, c.Labels[OWNER_START_LABEL]),
      state: c.State,
      createdAt: new Date(c.Created * 1000),
    };
  });
}

/** A stopped container older than this is a leftover, whoever made it (a live app removes its own at once). */
const STOPPED_STALE_MS = 60_000;

/**
 * Containers a crashed app left behind: those whose app is no longer running, and stopped ones
 * nobody removed. A live app's containers, pooled or running a job, are never touched: a running
 * job ends by itself at its deadline (the loader's supervisor), and its container with it.
 */
export async function removeLeftovers(docker: Docker): Promise<number> {
  const now = Date.now();
  const left = (await listSandboxes(docker)).filter(
    (c) => !c.ownerAlive || (c.state !== 'running' && now - c.createdAt.getTime() > STOPPED_STALE_MS),
  );
  await Promise.all(
    left.map((c) =>
      docker
        .getContainer(c.id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  return left.length;
}
