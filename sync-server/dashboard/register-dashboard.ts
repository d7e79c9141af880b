import type { FastifyInstance } from 'fastify';
import type { Assignment } from '../../common/contract/assignments.js';
import type { ProgressCatalog } from '../../common/progress-rules/catalog.js';
import type { LearnerProjection } from '../../common/progress-rules/learner-projection.js';
import {
  defaultStruggleThresholds,
  newStruggleSignals,
  struggleSignals,
} from '../../common/progress-rules/struggle.js';
import type { StruggleSignal, StruggleThresholds } from '../../common/progress-rules/struggle.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';
import type { Classes } from '../classes/classes.js';
import { DocStore } from '../documents/doc-store.js';
import type { SqlStore } from '../storage/sql-store.js';
import { ClassAccess } from './class-access.js';
import { registerDashboardRoutes } from './dashboard-routes.js';
import { catalogFingerprint, loadPackCatalog } from './pack-catalog.js';
import { ProgressProjector } from './progress-projector.js';
import { ProjectionStore } from './projection-store.js';

export interface DashboardOptions {
  /** A folder of pack source folders: the modules and items completion is counted against. */
  packsDir?: string;
  /** The catalog itself (tests, benches); wins over `packsDir`. */
  catalog?: ProgressCatalog;
  /** A class's assignments (the classes feature's store, wired by the composition root); default none. */
  listAssignments?: (classId: string) => Promise<Assignment[]>;
  thresholds?: Partial<StruggleThresholds>;
  /** A learner began to struggle (a new signal as an update arrived): for "struggling" alerts. */
  onStruggle?: (learnerId: string, signals: StruggleSignal[]) => void;
  /** Rebuild, at start, the learners whose projections may miss events (default true). */
  catchUpAtStart?: boolean;
}

export interface Dashboard {
  projector: ProgressProjector;
  projections: ProjectionStore;
  /** Settles when the start's catch-up (module rows of a new catalog, learners behind) is over. */
  started: Promise<void>;
}

/** The dashboard room: its projections, kept as documents commit, and its routes. */
export async function registerDashboard(
  app: FastifyInstance,
  {
    store,
    tokens,
    classes,
    now,
    options,
  }: {
    store: SqlStore;
    tokens: TokenVerifier;
    /** Who may see a class's members is the classes room's rule; reports follow it. */
    classes: Pick<Classes, 'members'>;
    now: () => Date;
    options: DashboardOptions;
  },
): Promise<Dashboard> {
  const catalog = options.catalog ?? (await loadPackCatalog(options.packsDir));
  const thresholds = { ...defaultStruggleThresholds, ...options.thresholds };
  const projections = new ProjectionStore(store, () => now().getTime());
  const onStruggle = options.onStruggle;
  const projector = new ProgressProjector({
    projections,
    docs: new DocStore(store),
    store,
    catalog: () => catalog,
    log: app.log,
    onChange: onStruggle
      ? (learnerId: string, before: LearnerProjection | null, after: LearnerProjection) => {
          const at = now();
          const fresh = newStruggleSignals(
            before ? struggleSignals(before, at, thresholds) : [],
            struggleSignals(after, at, thresholds),
          );
          if (fresh.length > 0) onStruggle(learnerId, fresh);
        }
      : undefined,
  });
  registerDashboardRoutes(app, {
    tokens,
    access: new ClassAccess(store, classes),
    projections,
    store,
    catalog: () => catalog,
    listAssignments: options.listAssignments ?? (async () => []),
    thresholds,
    now,
  });

  let stopping = false;
  const started = (async () => {
    const fingerprint = catalogFingerprint(catalog);
    if ((await projections.meta('catalog')) !== fingerprint) {
      await projections.recomputeModules(catalog);
      await projections.setMeta('catalog', fingerprint);
    } else await projections.recomputeTotals();
    if (options.catchUpAtStart === false) return;
    for (const learner of await projector.behind()) {
      if (stopping) return;
      await projector.rebuild(learner);
    }
  })().catch((error: unknown) => app.log.error({ err: error }, 'dashboard: catching up at start failed'));
  // After the documents' own shutdown committed what their sockets sent, and before storage closes.
  app.addHook('onClose', async () => {
    stopping = true;
    await started;
    await projector.idle();
  });
  return { projector, projections, started };
}
