import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import { wireName } from '../../common/contract/sync-docs.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';
import type { DocManager } from '../documents/doc-manager.js';
import type { DocStore } from '../documents/doc-store.js';
import { ADVISORY_LOCKS, unlessRunningElsewhere } from '../storage/advisory-locks.js';
import type { SqlStore } from '../storage/sql-store.js';
import { INBOX_LIMITS, inboxEntriesToPrune } from './inbox-pruning.js';
import type { InboxLimits } from './inbox-pruning.js';

export interface PruneSchedule {
  /** The first sweep this long after the server is up (not during its start), then every `everyMs`. */
  firstAfterMs: number;
  everyMs: number;
}
export const DEFAULT_PRUNE_SCHEDULE: PruneSchedule = { firstAfterMs: 10 * 60_000, everyMs: 24 * 60 * 60_000 };

/** Accounts read per query of a sweep. */
const PAGE = 200;

/** What a sweep did: skipped, as another instance of the server was sweeping, or the entries it deleted. */
export type SweepOutcome = { swept: false } | { swept: true; entries: number };

/**
 * Keeps every inbox document bounded (inboxEntriesToPrune): the deletions are made on the stored state as a
 * Yjs update and written like a delivery, so the devices online get them at once and the others at their next
 * sync, and all converge (a deletion names the items it removes; a mark pushed meanwhile by an offline device is
 * pruned as an orphan next time). A daily sweep goes through the accounts; of the instances of a multi-instance
 * server, one at a time sweeps (an advisory lock): a second sweep at once would only repeat the first's work.
 */
export class InboxPruner {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<SweepOutcome> | undefined;
  private stopped = false;

  constructor(
    private readonly store: SqlStore,
    private readonly docStore: Pick<DocStore, 'load'>,
    private readonly docs: Pick<DocManager, 'writeFromServer'>,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number,
    private readonly limits: InboxLimits = INBOX_LIMITS,
  ) {}

  /** Prunes one account's inbox; returns how many entries (items and marks) it deleted. */
  async prune(accountId: string): Promise<number> {
    const name = wireName(accountId, 'inbox');
    const doc = new Y.Doc();
    try {
      for (const update of (await this.docStore.load(name)).updates) Y.applyUpdate(doc, update);
      const items = doc.getArray(SYNC_ROOTS.inbox.name);
      const doomed = inboxEntriesToPrune(items.toArray(), this.now(), this.limits);
      if (doomed.length === 0) return 0;
      const before = Y.encodeStateVector(doc);
      // Highest index first, so each deletion leaves the indices still to delete where they were.
      doc.transact(() => doomed.forEach((index) => items.delete(index, 1)));
      await this.docs.writeFromServer(name, Y.encodeStateAsUpdate(doc, before));
      return doomed.length;
    } finally {
      doc.destroy();
    }
  }

  /** Every account's inbox, unless another instance is sweeping them now (then nothing is done). */
  sweep(): Promise<SweepOutcome> {
    this.sweeping ??= unlessRunningElsewhere(this.store, ADVISORY_LOCKS.inboxSweep, () => this.sweepAll())
      .then((entries): SweepOutcome => (entries === undefined ? { swept: false } : { swept: true, entries }))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** A page of accounts at a time; one that fails is logged and the sweep goes on. */
  private async sweepAll(): Promise<number> {
    let after = '';
    let pruned = 0;
    for (;;) {
      const page = await this.store.all<{ id: string }>('SELECT id FROM accounts WHERE id > ? ORDER BY id LIMIT ?', [
        after,
        PAGE,
      ]);
      for (const { id } of page) {
        if (this.stopped) return pruned;
        pruned += await this.prune(id).catch((error: unknown) => {
          this.log.warn({ err: error, accountId: id }, 'notifications: could not prune an inbox');
          return 0;
        });
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!.id;
    }
    if (pruned > 0) this.log.info({ entries: pruned }, 'notifications: inboxes pruned');
    return pruned;
  }

  start(schedule: PruneSchedule = DEFAULT_PRUNE_SCHEDULE): void {
    const next = (delay: number) => {
      this.timer = setTimeout(() => {
        void this.sweep()
          .catch((error: unknown) => this.log.error({ err: error }, 'notifications: the inbox sweep failed'))
          .finally(() => !this.stopped && next(schedule.everyMs));
      }, delay).unref();
    };
    next(schedule.firstAfterMs);
  }

  /** No sweep starts after this; resolves when the one running stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweeping;
  }
}
