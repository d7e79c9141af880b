import * as Y from 'yjs';

export interface SyncReplyLimits {
  /** Sync step 1 answers a socket may have at once after a quiet spell (the bucket's size). */
  syncReplyBurst: number;
  /** One more answer is allowed every this many milliseconds. */
  syncReplyIntervalMs: number;
}

/** What the gate answers for: the socket, which is passed itself rather than two closures (heap per idle socket). */
export interface SyncReplier {
  /** Sends the answer to `stateVector`; resolves once the socket has taken it (or is gone). */
  answerSyncStep1(stateVector: Uint8Array): Promise<void>;
  /**
   * Whether the document has content of a client: only those clients' clocks change an answer, so only they
   * are kept while a question waits (a state vector may name a million made-up clients).
   */
  knowsClient(client: number): boolean;
}

/** The pointwise minimum: an answer from it holds everything either state vector lacks. */
function lowest(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  const both = new Map<number, number>();
  for (const [client, clock] of a) {
    const other = b.get(client);
    if (other !== undefined) both.set(client, Math.min(clock, other));
  }
  return both;
}

/**
 * The answers to one socket's sync step 1 messages. Each answer is the document's whole state above a state
 * vector, so a socket that asks again and again without reading would make the server hold a copy per question.
 * Here at most one answer is in flight (built and not yet handed to the kernel); questions arriving meanwhile are
 * merged into one (their lowest state vector), and a token bucket bounds how often the document is encoded for
 * this socket. A question is never dropped: the merged one is answered once the socket takes the last answer.
 */
export class SyncReplyGate {
  private waiting: Map<number, number> | undefined;
  private inFlight = false;
  private tokens: number;
  private refilledAt: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly limits: SyncReplyLimits,
    private readonly replier: SyncReplier,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limits.syncReplyBurst;
    this.refilledAt = now();
  }

  /** `stateVector` was validated by the protocol decoder. */
  request(stateVector: Uint8Array) {
    if (this.stopped) return;
    const asked = Y.decodeStateVector(stateVector);
    for (const client of asked.keys()) if (!this.replier.knowsClient(client)) asked.delete(client);
    this.waiting = this.waiting ? lowest(this.waiting, asked) : asked;
    this.pump();
  }

  /** The socket is gone: nothing waits, no timer holds the gate. */
  stop() {
    this.stopped = true;
    this.waiting = undefined;
    clearTimeout(this.timer);
  }

  private refill() {
    const now = this.now();
    const earned = (now - this.refilledAt) / this.limits.syncReplyIntervalMs;
    this.tokens = Math.min(this.limits.syncReplyBurst, this.tokens + earned);
    this.refilledAt = now;
  }

  private pump() {
    if (this.stopped || this.inFlight || !this.waiting || this.timer) return;
    this.refill();
    if (this.tokens < 1) {
      const wait = Math.ceil((1 - this.tokens) * this.limits.syncReplyIntervalMs);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      return;
    }
    this.tokens -= 1;
    const stateVector = Y.encodeStateVector(this.waiting);
    this.waiting = undefined;
    this.inFlight = true;
    const done = () => {
      this.inFlight = false;
      this.pump();
    };
    void this.replier.answerSyncStep1(stateVector).then(done, done);
  }
}
