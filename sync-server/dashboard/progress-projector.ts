import type { FastifyBaseLogger } from 'fastify';
import type { ProgressEvent } from '../../common/contract/progress.js';
import type { ProgressCatalog } from '../../common/progress-rules/catalog.js';
import { applyEvent, emptyProjection } from '../../common/progress-rules/learner-projection.js';
import type { LearnerProjection } from '../../common/progress-rules/learner-projection.js';
import { parseDocName } from '../documents/doc-names.js';
import type { DocStore } from '../documents/doc-store.js';
import type { SqlRunner } from '../storage/sql-store.js';
import { eventsOfDocument, eventsOfUpdate } from './progress-events.js';
import type { ProjectionStore } from './projection-store.js';

/** Learners whose projections stay in memory between updates (each about as big as its events' ids). */
const CACHE_SIZE = 1_000;
/** Another instance wrote the same learner in between this many times in a row: give up, a rebuild will follow. */
const MAX_RETRIES = 5;

export interface ProjectorDeps {
  projections: ProjectionStore;
  docs: Pick<DocStore, 'load'>;
  store: SqlRunner;
  catalog: () => ProgressCatalog;
  log: FastifyBaseLogger;
  /** Called after a learner's projection changed, with the state before and after (struggle alerts). */
  onChange?: (learnerId: string, before: LearnerProjection | null, after: LearnerProjection) => void;
}

/**
 * Keeps every learner's dashboard projection as their progress documents' updates commit: the events an update
 * adds are read from the update itself and applied to the stored projection (never a rebuild per request or per
 * update). Updates of one learner are applied one after the other; across instances the store's versions order
 * them. A write that fails is logged and the learner is rebuilt from the documents at the next start.
 */
export class ProgressProjector {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly cache = new Map<string, { projection: LearnerProjection; version: number }>();

  constructor(private readonly deps: ProjectorDeps) {}

  /** The documents' commit hook: `update` was just committed to `docName`. */
  committed = (docName: string, update: Uint8Array): void => {
    const doc = parseDocName(docName);
    if (doc?.kind !== 'progress') return;
    let events: ProgressEvent[];
    try {
      events = eventsOfUpdate(doc.owner, update);
    } catch (error) {
      this.deps.log.warn({ err: error, doc: docName }, 'dashboard: an update could not be read');
      return;
    }
    if (events.length > 0) void this.apply(doc.owner, events);
  };

  /** Applies events to a learner's projection, after the learner's earlier updates. */
  apply(learnerId: string, events: readonly ProgressEvent[]): Promise<void> {
    return this.serially(learnerId, () => this.applyNow(learnerId, events));
  }

  private serially(learnerId: string, work: () => Promise<void>): Promise<void> {
    const run = (this.queues.get(learnerId) ?? Promise.resolve()).then(work).catch((error: unknown) => {
      this.cache.delete(learnerId);
      this.deps.log.error({ err: error, learnerId }, 'dashboard: a projection was not stored');
    });
    this.queues.set(learnerId, run);
    void run.then(() => {
      if (this.queues.get(learnerId) === run) this.queues.delete(learnerId);
    });
    return run;
  }

  private async applyNow(learnerId: string, events: readonly ProgressEvent[]) {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const held = this.cache.get(learnerId) ?? (await this.deps.projections.load(learnerId));
      this.cache.delete(learnerId);
      const before = this.deps.onChange ? structuredClone(held.projection) : null;
      let changed = false;
      for (const event of events) changed = applyEvent(held.projection, event) || changed;
      if (!changed) return this.remember(learnerId, held);
      const version = await this.deps.projections.save(learnerId, held.projection, held.version, this.deps.catalog());
      // Another instance wrote this learner since it was read: read again; applied events are skipped.
      if (version === null) continue;
      this.remember(learnerId, { projection: held.projection, version });
      this.deps.onChange?.(learnerId, held.version === 0 ? null : before, held.projection);
      return;
    }
    throw new Error(`the projection of ${learnerId} kept changing under this instance`);
  }

  private remember(learnerId: string, held: { projection: LearnerProjection; version: number }) {
    this.cache.set(learnerId, held);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  /** A learner's projection from their documents alone, stored over whatever was there. */
  rebuild(learnerId: string): Promise<void> {
    return this.serially(learnerId, async () => {
      const projection = emptyProjection();
      for (const doc of await this.progressDocs(learnerId)) {
        const stored = await this.deps.docs.load(doc);
        for (const event of eventsOfDocument(learnerId, stored.updates)) applyEvent(projection, event);
      }
      this.cache.delete(learnerId);
      const version = await this.deps.projections.save(learnerId, projection, 0, this.deps.catalog(), true);
      this.remember(learnerId, { projection, version: version! });
    });
  }

  private async progressDocs(learnerId: string): Promise<string[]> {
    const prefix = `u/${learnerId}/progress/`;
    const rows = await this.deps.store.all<{ doc: string }>(
      `SELECT doc FROM doc_snapshots WHERE doc LIKE ? UNION SELECT doc FROM doc_updates WHERE doc LIKE ?`,
      [`${prefix}%`, `${prefix}%`],
    );
    return rows.map((row) => row.doc).filter((doc) => parseDocName(doc)?.owner === learnerId);
  }

  /**
   * The learners whose projections may miss events: progress documents without a projection (a server that
   * held documents before the dashboard existed) or with rows committed after the projection's last write (the
   * process stopped between a commit and its projection).
   */
  async behind(): Promise<string[]> {
    const owner = 'substr(doc, 3, 36)';
    const rows = await this.deps.store.all<{ learner: string }>(
      `SELECT DISTINCT ${owner} AS learner FROM doc_snapshots
         WHERE doc LIKE 'u/%/progress/%' AND NOT EXISTS (SELECT 1 FROM dashboard_learners WHERE learner_id = ${owner})
       UNION SELECT DISTINCT ${owner} FROM doc_updates u
         WHERE doc LIKE 'u/%/progress/%' AND u.created_at > coalesce(
           (SELECT updated_at FROM dashboard_learners WHERE learner_id = ${owner}), -1)`,
    );
    return rows.map((row) => row.learner);
  }

  /** Rebuilds the learners that are behind, one at a time; what the server runs after it starts. */
  async catchUp(): Promise<number> {
    const learners = await this.behind();
    for (const learner of learners) await this.rebuild(learner);
    return learners.length;
  }

  /** Resolves once every update received so far is projected. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }
}
