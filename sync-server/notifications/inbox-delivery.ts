import type { FastifyBaseLogger } from 'fastify';
import { wireName } from '../../common/contract/sync-docs.js';
import type { DocManager } from '../documents/doc-manager.js';
import type { MessageStore } from './message-store.js';

/** Deliveries written per round: one group commit of inbox rows, then one of delivered marks. */
const BATCH = 2_000;
const RETRY_MS = 5_000;

/**
 * Writes pending deliveries into their recipients' inbox documents, in the background: a send returns once
 * its rows are stored, never waiting for thousands of inboxes. Each round writes a batch (the document
 * store's group commit makes it one transaction), then marks it delivered; a crash in between writes those
 * again at the next start, and the same bytes change nothing in a document that has them. A storage failure
 * waits and retries, never stopping the server.
 */
export class InboxDelivery {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly messages: MessageStore,
    private readonly docs: Pick<DocManager, 'writeFromServer'>,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Delivers what is pending; a call while a round runs makes it look again when done. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  /** Resolves once nothing is pending or running (tests and the bench wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const batch = await this.messages.pending(BATCH);
        if (batch.length === 0 || this.stopped) return;
        await Promise.all(
          batch.map(({ accountId, update }) => this.docs.writeFromServer(wireName(accountId, 'inbox'), update)),
        );
        await this.messages.delivered(batch, this.now());
      }
    } catch (error) {
      this.log.error({ err: error }, 'notifications: delivery failed; retrying');
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.kick(), RETRY_MS).unref();
    }
  }
}
