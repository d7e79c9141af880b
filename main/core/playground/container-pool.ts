import type Docker from 'dockerode';
import type { Logger } from '../../../infra/log/logger.js';
import { hardenedContainer, OWNER_LABEL, SANDBOX_LABEL } from './sandbox-limits.js';
import type { SandboxLimits } from './sandbox-limits.js';

/**
 * Containers created and started ahead of time, each waiting for one job on stdin, so a run does
 * not wait for a container to start. Each is handed out once and never returns to the pool.
 */
export class ContainerPool {
  readonly #ready: Docker.Container[] = [];
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

  /** A fresh started container; made on the spot when the pool is empty. Refills in the background. */
  async take(): Promise<Docker.Container> {
    const container = this.#ready.shift() ?? (await this.#start());
    this.refill();
    return container;
  }

  refill(): Promise<void> {
    this.#filling ??= this.#fill().finally(() => (this.#filling = undefined));
    return this.#filling;
  }

  async #fill(): Promise<void> {
    while (!this.#closed && this.#ready.length < this.size) {
      try {
        this.#ready.push(await this.#start());
      } catch (error) {
        this.logger.warn({ err: error }, 'could not pre-start a sandbox container');
        return;
      }
    }
  }

  async #start(): Promise<Docker.Container> {
    const container = await this.docker.createContainer(hardenedContainer(this.image, this.limits));
    await container.start();
    return container;
  }

  /** Removes the waiting containers; the label sweep at the next start catches any left by a crash. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#filling;
    await Promise.all(this.#ready.splice(0).map((c) => c.remove({ force: true }).catch(() => undefined)));
  }
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Containers a crashed app left behind, found by their label; those of an app still running stay. */
export async function removeLeftovers(docker: Docker): Promise<number> {
  const all = await docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } });
  const left = all.filter((c) => {
    const owner = Number(c.Labels[OWNER_LABEL]);
    return !(owner > 0 && owner !== process.pid && running(owner));
  });
  await Promise.all(
    left.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  return left.length;
}
