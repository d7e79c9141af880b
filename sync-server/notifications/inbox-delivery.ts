import type { FastifyBaseLogger } from 'fastify';
import { wireName } from '../../common/contract/sync-docs.js';
import type { DocManager } from '../documents/doc-manager.js';
import { BackgroundRounds } from './background-rounds.js';
import type { MessageStore, PendingDelivery } from './message-store.js';

/** Deliveries written per round: one group commit of inbox rows, then one of delivered marks. */
const BATCH = 2_000;
/** A loaded inbox document's name: `u/<accountId>/inbox`. */
const INBOX_NAME = /^u\/([^/]+)\/inbox$/;
const RETRY_MS = 5_000;

/**
 * Writes pending deliveries into their recipients' inbox documents, in the background: a send returns once
 * its rows are stored, never waiting for thousands of inboxes. Each round writes a batch (the document
 * store's group commit makes it one transaction), then marks it delivered; a crash in between writes those
 * again at the next start, and the same bytes change nothing in a document that has them. A storage failure
 * waits and retries, never stopping the server.
 */
export class InboxDelivery {
  private readonly rounds = new BackgroundRounds(() => this.drain());
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly messages: MessageStore,
    private readonly docs: Pick<DocManager, 'writeFromServer' | 'loadedNames'>,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Delivers what is pending; a call while a round runs makes it look again when done. */
  kick(): Promise<void> {
    return this.rounds.kick();
  }

  /** Resolves once nothing is pending or running (tests and the bench wait on it). */
  idle(): Promise<void> {
    return this.rounds.idle();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.rounds.stop();
  }

  private async write(batch: readonly PendingDelivery[]): Promise<void> {
    await Promise.all(
      batch.map(({ accountId, update }) => this.docs.writeFromServer(wireName(accountId, 'inbox'), update)),
    );
    await this.messages.delivered(batch, this.now());
  }

  private async drain(): Promise<void> {
    try {
      // Inboxes open on a device now go first: a class of thousands must not keep those who are online waiting.
      const online = this.docs.loadedNames().flatMap((name) => INBOX_NAME.exec(name)?.slice(1, 2) ?? []);
      if (online.length > 0) await this.write(await this.messages.pendingFor(online));
      for (;;) {
        const batch = await this.messages.pending(BATCH);
        if (batch.length === 0 || this.rounds.isStopped) return;
        await this.write(batch);
      }
    } catch (error) {
      this.log.error({ err: error }, 'notifications: delivery failed; retrying');
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.kick(), RETRY_MS).unref();
    }
  }
}
