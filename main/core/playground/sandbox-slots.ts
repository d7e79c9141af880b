import { cpus, totalmem } from 'node:os';

export interface SlotLimits {
  /** Sandboxes running jobs at once. */
  maxConcurrent: number;
  /** The memory limits of the running jobs together may not pass this. */
  memoryBudgetMb: number;
}

/**
 * The default cap from the machine: two jobs per core, and the jobs' memory limits together within
 * half the host's memory, so parallel memory bombs cannot take the host's RAM.
 */
export function slotsForHost(): SlotLimits {
  return {
    maxConcurrent: Math.max(2, cpus().length * 2),
    memoryBudgetMb: Math.max(256, Math.floor(totalmem() / 1024 / 1024 / 2)),
  };
}

/**
 * A first-come-first-served queue in front of the sandboxes: a job waits until both a slot and its
 * memory are free. A job larger than the whole budget still runs, alone.
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

  /** Resolves with the release function once the job may start. */
  acquire(memoryMb: number): Promise<() => void> {
    return new Promise((resolve) => {
      this.#waiting.push({ memoryMb, start: () => resolve(this.#release(memoryMb)) });
      this.#next();
    });
  }

  #fits(memoryMb: number): boolean {
    if (this.#running === 0) return true;
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

  #release(memoryMb: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#running -= 1;
      this.#memoryMb -= memoryMb;
      this.#next();
    };
  }
}
