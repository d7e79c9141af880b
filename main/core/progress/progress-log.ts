import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import { sayIssues } from '../../../common/i18n/input-issues.js';
import { progressEventSchema } from '../../../common/contract/progress.js';
import type { AppendResult, ProgressEvent } from '../../../common/contract/progress.js';
import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';
import { createProjector, PROJECTION_TABLES } from './projections.js';

export interface EventRow {
  rowid?: number;
  event_id: string;
  learner_id: string;
  type: string;
  aggregate_id: string;
  timestamp: string;
  data: string;
  version: number;
}

/** A stored row as the event it was; parse it with the schema when the file is not trusted. */
export const rowToEvent = (row: EventRow) =>
  ({
    eventId: row.event_id,
    type: row.type,
    aggregateId: row.aggregate_id,
    userId: row.learner_id,
    timestamp: row.timestamp,
    data: JSON.parse(row.data) as unknown,
    version: row.version,
  }) as ProgressEvent;

const PAGE = 5000;

/** An event the contract's schema refused: its place in the batch, what it was, and why. */
export interface RefusedEvent {
  index: number;
  value: unknown;
  problem: Said;
}

export interface AppendOptions {
  /**
   * Takes each refused event and lets the rest of the batch be stored (sync, salvage: one bad
   * event must not hold back the others). Without it a refused event refuses the whole batch.
   */
  onRefused?: (refused: RefusedEvent) => void;
}

const nameOf = (value: unknown): string => {
  const { type, eventId } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return [type, eventId].filter((part) => typeof part === 'string').join(' ') || 'unnamed';
};

/**
 * The append-only event log and its projections. An event and everything derived from it are
 * written in one transaction; an event id already in the log is skipped, so retries and replays
 * are harmless.
 */
export class ProgressLog {
  readonly #db: SqliteDatabase;
  readonly #project;
  readonly #insert;
  readonly #page;
  readonly #onAppended;
  /** Per learner, the count of changes this connection made to their log when it last made one. */
  readonly #changedAt = new Map<string, number>();
  #changes = 0;

  /** `onAppended` sees the events a batch really added, inside its transaction (the sync mirror). */
  constructor(db: SqliteDatabase, onAppended?: (events: readonly ProgressEvent[]) => void) {
    this.#db = db;
    this.#onAppended = onAppended;
    this.#project = createProjector(db);
    this.#insert = db.prepare(
      `INSERT OR IGNORE INTO events (event_id, learner_id, type, aggregate_id, timestamp, data, version)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#page = db.prepare(
      `SELECT rowid, * FROM events WHERE rowid > ? AND (? IS NULL OR learner_id = ?) ORDER BY rowid LIMIT ${PAGE}`,
    );
  }

  /**
   * Appends in one transaction: all of the batch or, if anything throws, none of it. Every event is
   * checked against the contract's DomainEvent schema here, whoever built it (a face, a core
   * service, another device, an import or a salvage), so nothing the contract refuses is stored and
   * every stored event passes the same schema on a device that receives it.
   */
  append(events: readonly unknown[], options?: AppendOptions): AppendResult {
    return this.#db.transaction(() => this.#appendAll(events, options))();
  }

  /** For callers that already hold a transaction (import, and the Yjs update of the Sync issue). */
  appendInTransaction(events: readonly unknown[], options?: AppendOptions): AppendResult {
    return this.#appendAll(events, options);
  }

  /** The whole batch is checked before anything is written. */
  #validate(values: readonly unknown[], options?: AppendOptions): ProgressEvent[] {
    const valid: ProgressEvent[] = [];
    values.forEach((value, index) => {
      const parsed = progressEventSchema.safeParse(value, { reportInput: true });
      if (parsed.success) {
        valid.push(parsed.data);
        return;
      }
      const problem = sayIssues(parsed.error);
      if (options?.onRefused) return options.onRefused({ index, value, problem });
      throw new LearnError(
        'invalid-input',
        say('event-invalid', { index: index + 1, total: values.length, name: nameOf(value), problem }),
      );
    });
    return valid;
  }

  #appendAll(values: readonly unknown[], options?: AppendOptions): AppendResult {
    const events = this.#validate(values, options);
    const added: ProgressEvent[] = [];
    try {
      for (const e of events) {
        const row = [e.eventId, e.userId, e.type, e.aggregateId, e.timestamp, JSON.stringify(e.data), e.version];
        if (this.#insert.run(...row).changes === 0) continue;
        this.#changed(e.userId);
        this.#project.apply(e);
        added.push(e);
      }
      this.#project.flush();
      if (added.length > 0) this.#onAppended?.(added);
    } catch (error) {
      // The transaction rolls back; counters held for it must not reach the next batch.
      this.#project.discard();
      throw error;
    }
    return { appended: added.length, duplicates: events.length - added.length };
  }

  /** Every event of one learner (or of all), in the order they were stored, read a page at a time. */
  *events(learnerId?: string): Generator<ProgressEvent> {
    let after = 0;
    for (;;) {
      const rows = this.#page.all(after, learnerId ?? null, learnerId ?? null) as EventRow[];
      for (const row of rows) yield rowToEvent(row);
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.rowid!;
    }
  }

  count(learnerId: string): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM events WHERE learner_id = ?').get(learnerId) as { n: number })
      .n;
  }

  /** Drops the projections (of one learner, or all) and derives them again from the log. */
  rebuild(learnerId?: string): number {
    return this.#db.transaction(() => {
      for (const table of PROJECTION_TABLES) {
        this.#db
          .prepare(`DELETE FROM ${table} WHERE ? IS NULL OR learner_id = ?`)
          .run(learnerId ?? null, learnerId ?? null);
      }
      let replayed = 0;
      for (const event of this.events(learnerId)) {
        this.#project.apply(event);
        if (++replayed % 10_000 === 0) this.#project.flush();
      }
      this.#project.flush();
      return replayed;
    })();
  }

  /**
   * Moves whenever this connection adds to the learner's log or removes it (a rolled-back append
   * moves it too), never back: what a read kept between calls is keyed on. Another connection's
   * writes do not move it (SQLite's data_version does).
   */
  versionOf(learnerId: string): number {
    return this.#changedAt.get(learnerId) ?? 0;
  }

  #changed(learnerId: string): void {
    this.#changedAt.set(learnerId, ++this.#changes);
  }

  /** Removes a learner's log and projections; the caller has written their export. */
  forget(learnerId: string): void {
    this.#changed(learnerId);
    for (const table of [...PROJECTION_TABLES, 'events']) {
      this.#db.prepare(`DELETE FROM ${table} WHERE learner_id = ?`).run(learnerId);
    }
  }
}
