import type Docker from 'dockerode';
import type { Logger } from '../../../infra/log/logger.js';
import { hardenedContainer, OWNER_LABEL, OWNER_START_LABEL, SANDBOX_LABEL } from './sandbox-limits.js';
import type { SandboxLimits } from './sandbox-limits.js';
import { ownerAlive, thisOwner } from './sandbox-owner.js';

/** How long a container may take to stop after its job answered before it is killed. */
const RETIRE_GRACE_MS = 1_000;

/**
 * Containers created and started ahead of time, each waiting for one job on stdin, so a run does
 * not wait for a container to start. Each is handed out once and never returns to the pool.
 */
export class ContainerPool {
  readonly #ready: Docker.Container[] = [];
  readonly #owner = thisOwner();
  #filling: Promise<void> | undefined;
  #closed = false;

  constructor(
    private readonly docker: Docker,
    private readonly image: string,
    private readonly limits: SandboxLimits,
    private readonly size: number,
    private readonly logger: Logger,
  ) {}

  get readyCount(): number {
    return this.#ready.length;
  }

  /**
   * A fresh started container for a job with these limits. The work folder and /tmp are sized when a
   * container is made, so a job asking other sizes gets its own container instead of a pooled one;
   * the rest (memory, CPUs, pids) the caller updates on the pooled container.
   */
  async take(limits: SandboxLimits = this.limits): Promise<Docker.Container> {
    if (limits.workDirMb !== this.limits.workDirMb || limits.tmpMb !== this.limits.tmpMb) return this.#start(limits);
    // No refill here: starting a container takes the CPU the job needs; the caller refills once answered.
    return this.#ready.shift() ?? (await this.#start(this.limits));
  }

  refill(): Promise<void> {
    this.#filling ??= this.#fill().finally(() => (this.#filling = undefined));
    return this.#filling;
  }

  /** One container at a time: a refill is background work and should not take the CPU from the runs. */
  async #fill(): Promise<void> {
    while (!this.#closed && this.#ready.length < this.size) {
      try {
        const container = await this.#start(this.limits);
        if (this.#closed) void container.remove({ force: true }).catch(() => undefined);
        else this.#ready.push(container);
      } catch (error) {
        this.logger.warn({ err: error }, 'could not pre-start a sandbox container');
        return;
      }
    }
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
    await this.#filling;
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
