import { randomBytes } from 'node:crypto';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { LiveSummary, ValidateResult } from '../../../common/contract/playground.js';
import { NOT_RUN } from './sandbox-run.js';

export type Check = (
  exerciseId: string,
  code: string,
  signal: AbortSignal,
) => Promise<ValidateResult & { cancelled: boolean }>;

interface Live {
  learnerId: string;
  exerciseId: string;
  startedAt: number;
  lastEditAt: number;
  pending?: string;
  timer?: NodeJS.Timeout;
  inFlight?: AbortController;
  summary: Omit<LiveSummary, 'durationMs'>;
}

/**
 * The seed's live sessions: each edit restarts a short quiet period; when it ends the code is
 * checked, and a newer edit cancels the check in flight. Feedback goes out as live-feedback events.
 */
export class LiveSessions {
  readonly #live = new Map<string, Live>();
  readonly #sweep: NodeJS.Timeout;

  constructor(
    private readonly check: Check,
    private readonly emit: (event: LearnEvent) => void,
    private readonly options: { debounceMs?: number; idleMs?: number } = {},
  ) {
    this.#sweep = setInterval(() => this.#endIdle(), 60_000).unref();
  }

  start(learnerId: string, exerciseId: string): { liveId: string } {
    const liveId = `live-${randomBytes(16).toString('base64url')}`;
    const now = Date.now();
    this.#live.set(liveId, {
      learnerId,
      exerciseId,
      startedAt: now,
      lastEditAt: now,
      summary: { liveId, exerciseId, runs: 0, cancelled: 0, lastStatus: null, bestPassed: 0, total: 0 },
    });
    return { liveId };
  }

  update(learnerId: string, liveId: string, code: string): void {
    const live = this.#own(learnerId, liveId);
    live.pending = code;
    live.lastEditAt = Date.now();
    clearTimeout(live.timer);
    live.timer = setTimeout(() => void this.#run(liveId, live), this.options.debounceMs ?? 400);
  }

  end(learnerId: string, liveId: string): LiveSummary {
    const live = this.#own(learnerId, liveId);
    this.#stop(liveId, live);
    return { ...live.summary, durationMs: Date.now() - live.startedAt };
  }

  close(): void {
    clearInterval(this.#sweep);
    for (const [liveId, live] of this.#live) this.#stop(liveId, live);
  }

  async #run(liveId: string, live: Live): Promise<void> {
    const code = live.pending;
    if (code === undefined) return;
    live.pending = undefined;
    live.inFlight?.abort();
    const controller = new AbortController();
    live.inFlight = controller;
    this.emit({ type: 'live-feedback', liveId, state: 'running' });
    try {
      const { cancelled, ...result } = await this.check(live.exerciseId, code, controller.signal);
      if (cancelled || controller.signal.aborted) {
        live.summary.cancelled += 1;
        return;
      }
      const passed = result.tests.filter((t) => t.status === 'pass').length;
      Object.assign(live.summary, {
        runs: live.summary.runs + 1,
        lastStatus: result.status,
        bestPassed: Math.max(live.summary.bestPassed, passed),
        total: Math.max(live.summary.total, result.tests.length),
      });
      this.emit({ type: 'live-feedback', liveId, state: 'done', result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const messageI18n = error instanceof LearnError ? error.messageI18n : undefined;
      this.emit({
        type: 'live-feedback',
        liveId,
        state: 'done',
        result: {
          status: 'error',
          message,
          ...(messageI18n ? { messageI18n } : {}),
          tests: [],
          run: NOT_RUN,
        },
      });
    } finally {
      if (live.inFlight === controller) live.inFlight = undefined;
    }
  }

  #own(learnerId: string, liveId: string): Live {
    const live = this.#live.get(liveId);
    // Another learner's session looks exactly like one that does not exist.
    if (!live || live.learnerId !== learnerId) throw new LearnError('not-found', say('live-session-ended'));
    return live;
  }

  #stop(liveId: string, live: Live): void {
    clearTimeout(live.timer);
    live.inFlight?.abort();
    this.#live.delete(liveId);
  }

  #endIdle(): void {
    const idleMs = this.options.idleMs ?? 10 * 60_000;
    for (const [liveId, live] of this.#live) if (Date.now() - live.lastEditAt > idleMs) this.#stop(liveId, live);
  }
}
