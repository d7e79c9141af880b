/**
 * Rounds of background work that never overlap: `kick` starts a round, or, while one runs, asks for one more
 * after it (so work added mid-round is not missed, and a burst of kicks is one extra round, not many).
 * The delivery of inboxes and the sending of email both run this way.
 */
export class BackgroundRounds {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly round: () => Promise<void>) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  /** Resolves once no round runs or is asked for (tests and the bench wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No round starts after this; resolves when the one running ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
