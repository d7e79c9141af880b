import { cpus, totalmem } from 'node:os';

export interface SlotLimits {
  /** Sandboxes running jobs at once. */
  maxConcurrent: number;
  /** The memory limits of the running jobs together may not pass this. */
  memoryBudgetMb: number;
}

/**
 * The default cap from the machine: the jobs' memory limits together within half the host's memory,
 * so parallel memory bombs cannot take the host's RAM, and eight jobs per core, which bounds the
 * containers made at once. Fewer per core only queues what the kernel would share anyway: most of a
 * run is waiting on Docker, and at two per core 20 submissions took twice as long.
 */
export function slotsForHost(): SlotLimits {
  return {
    maxConcurrent: Math.max(4, cpus().length * 8),
    memoryBudgetMb: Math.max(256, Math.floor(totalmem() / 1024 / 1024 / 2)),
  };
}

/**
 * What an idle pre-started container holds, measured: the container about 15 MB, its containerd shim
 * about 13 MB, and the engine's own bookkeeping.
 */
export const IDLE_CONTAINER_MB = 32;

/**
 * The default pool from the machine. Starting a container is most of a cold run, and a container per
 * job is the price of a fresh sandbox per run, so a class submitting together must find its sandboxes
 * started: the pool keeps as many as the host affords idle, within a thirty-second of its memory
 * (23 on 24 GB, 8 on 8 GB, at least 2, never more than 32). With 16 on the 2-core development machine
 * a burst of 20 took 3.5 - 5.7 s at the 95th percentile, with 23 1.3 - 2.3 s (load 15 to 30; README).
 */
export function poolForHost(env: NodeJS.ProcessEnv = process.env): number {
  // LIONLEARN_SANDBOX_POOL sets it for every app of a machine (the e2e suite runs many apps at once).
  const set = Number(env.LIONLEARN_SANDBOX_POOL);
  if (env.LIONLEARN_SANDBOX_POOL && Number.isInteger(set) && set >= 0 && set <= 32) return set;
  const affordable = Math.floor(totalmem() / 1024 / 1024 / 32 / IDLE_CONTAINER_MB);
  return Math.max(2, Math.min(32, affordable));
}

/** What a job that got its turn gives back: its slot once it has answered, its memory once its container is gone. */
export interface SlotTicket {
  answered(): void;
  gone(): void;
}

/**
 * A first-come-first-served queue in front of the sandboxes: a job waits until both a slot and its
 * memory are free. A job larger than the whole budget still runs, alone. The slot (CPU) comes back
 * when the job answers; the memory only when its container is gone, so the budget holds even for a
 * program that keeps running after its answer.
 */
export class SandboxSlots {
  #running = 0;
  #memoryMb = 0;
  readonly #waiting: { memoryMb: number; start: () => void }[] = [];

  constructor(private readonly limits: SlotLimits) {}

  get running(): number {
    return this.#running;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /** Resolves once the job may start. */
  acquire(memoryMb: number): Promise<SlotTicket> {
    return new Promise((resolve) => {
      this.#waiting.push({ memoryMb, start: () => resolve(this.#release(memoryMb)) });
      this.#next();
    });
  }

  #fits(memoryMb: number): boolean {
    if (this.#memoryMb === 0) return true;
    return this.#running < this.limits.maxConcurrent && this.#memoryMb + memoryMb <= this.limits.memoryBudgetMb;
  }

  #next(): void {
    while (this.#waiting.length > 0 && this.#fits(this.#waiting[0]!.memoryMb)) {
      const job = this.#waiting.shift()!;
      this.#running += 1;
      this.#memoryMb += job.memoryMb;
      job.start();
    }
  }

  #release(memoryMb: number): SlotTicket {
    let answered = false;
    let gone = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      this.#running -= 1;
      this.#next();
    };
    return {
      answered: answer,
      gone: () => {
        if (gone) return;
        gone = true;
        this.#memoryMb -= memoryMb;
        answer();
        this.#next();
      },
    };
  }
}
