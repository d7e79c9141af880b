import type * as Y from 'yjs';
import type { ProgressEvent } from '../../../common/contract/progress.js';
import type { Logger } from '../../../infra/log/logger.js';
import { termOf } from '../../../common/contract/sync-docs.js';
import type { ProgressLog } from '../progress/progress-log.js';
import type { LocalDocs } from './local-docs.js';
import type { SyncStore } from './sync-store.js';
import { SYNC_ROOTS } from '../../../common/contract/sync-wire.js';

const groupBy = <T>(items: Iterable<T>, keyOf: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
};

/**
 * The event log and the progress documents (Y.Map 'events': eventId -> DomainEvent), kept equal
 * for linked learners. In a document an event's userId is the account, which every device of the
 * learner shares; in the log it is this device's learner.
 */
export class ProgressMirror {
  readonly #docs: LocalDocs;
  readonly #store: SyncStore;
  readonly #logger: Logger;
  readonly #refused = new Map<string, number>();

  constructor(docs: LocalDocs, store: SyncStore, logger: Logger) {
    this.#docs = docs;
    this.#store = store;
    this.#logger = logger;
  }

  /** The log's hook: events a transaction appended go into their term's document in it. */
  appended = (events: readonly ProgressEvent[]): void => {
    for (const [learnerId, ofLearner] of groupBy(events, (e) => e.userId)) {
      const link = this.#store.linkOf(learnerId);
      if (!link) continue;
      for (const [key, ofTerm] of groupBy(ofLearner, (e) => termOf(e.timestamp))) {
        this.#docs.change(learnerId, key, (doc) => {
          const map = doc.getMap(SYNC_ROOTS.progress.name);
          for (const e of ofTerm) if (!map.has(e.eventId)) map.set(e.eventId, { ...e, userId: link.accountId });
        });
      }
    }
  };

  /** At link: a learner's whole log into the documents, in the caller's transaction. */
  backfill(events: Iterable<ProgressEvent>): void {
    const batch: ProgressEvent[] = [];
    for (const event of events) {
      batch.push(event);
      if (batch.length === 5000) this.appended(batch.splice(0));
    }
    this.appended(batch);
  }

  /**
   * Events that came from the server, appended to the log in the caller's transaction; the log
   * checks each against the DomainEvent schema. One it refuses (or filed under another key) is
   * logged and counted in the learner's sync status, and the others are kept; it stays in the
   * document, where nothing else reads it.
   */
  received(learnerId: string, doc: Y.Doc, keys: ReadonlySet<string>, append: ProgressLog['appendInTransaction']): void {
    const map = doc.getMap('events');
    const events: unknown[] = [];
    for (const key of keys) {
      const value = map.get(key);
      if (value === undefined) continue;
      if (typeof value !== 'object' || value === null) events.push(value);
      else if ((value as { eventId?: unknown }).eventId !== key)
        this.#refuse(learnerId, key, 'its key is not its eventId');
      else events.push({ ...value, userId: learnerId });
    }
    append(events, {
      onRefused: ({ value, problem }) => {
        const eventId = (value as { eventId?: unknown } | null)?.eventId;
        this.#refuse(learnerId, typeof eventId === 'string' ? eventId : null, problem.text);
      },
    });
  }

  /** Events from other devices refused since the app started, for the sync status. */
  refusedOf(learnerId: string): number {
    return this.#refused.get(learnerId) ?? 0;
  }

  #refuse(learnerId: string, eventId: string | null, problem: string): void {
    this.#refused.set(learnerId, this.refusedOf(learnerId) + 1);
    this.#logger.warn(
      { learnerId, eventId, problem },
      'sync: a progress event from another device fails the contract here; it was not applied',
    );
  }
}
