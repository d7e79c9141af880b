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
