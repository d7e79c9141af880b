import { join } from 'node:path';
import type { LearnService } from '../../common/contract/api.js';
import type { LearnEvent } from '../../common/contract/events.js';
import { createLogger } from '../../infra/log/logger.js';
import type { Logger } from '../../infra/log/logger.js';
import { installBundledPacks } from './content/bundled-packs.js';
import { readBuiltinKeys } from './content/builtin-keys.js';
import { CatalogStore } from './content/catalog-store.js';
import { createContentService } from './content/content-service.js';
import { PackInstaller } from './content/pack-installer.js';
import { createPackService } from './content/pack-service.js';
import { SearchIndex } from './content/search-index.js';
import { TrustStore } from './content/trust-store.js';
import { openCoreDatabase } from './db/core-database.js';
import type { Recovery } from './db/core-database.js';
import { createAdaptiveService } from './adaptive/adaptive-service.js';
import { Candidates } from './adaptive/candidates.js';
import { ReviewSchedule } from './adaptive/review-schedule.js';
import { DockerEngine } from './playground/docker-engine.js';
import { createPlayground } from './playground/playground-service.js';
import type { PlaygroundOptions } from './playground/playground-service.js';
import { RuntimeImages } from './playground/runtime-images.js';
import { readSandboxConfig } from './playground/sandbox-config.js';
import { createProgressService } from './progress/progress-service.js';
import { ProgressLog } from './progress/progress-log.js';
import { ProgressReader } from './progress/progress-reader.js';
import { salvageLearners } from './progress/salvage.js';
import { LearnerSessions } from './users/learner-sessions.js';
import { LearnerStore } from './users/learner-store.js';
import { LearnerTransfer } from './users/learner-transfer.js';
import { createUsersService } from './users/users-service.js';
import { EventHub } from './event-hub.js';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  /** Pack sources shipped with the app, installed on first start, and keys/ trusted by default. */
  bundledPacksDir?: string;
  /** Sandbox runtime recipes; without it, code runs report the runtime as unknown. */
  runtimesDir?: string;
  playground?: PlaygroundOptions & { engine?: DockerEngine };
  logger?: Logger;
  now?: () => Date;
}

export interface Core {
  api: LearnService;
  onEvent(listener: (event: LearnEvent) => void): () => void;
  logger: Logger;
  /** Set when the database was damaged at start (also in getAppInfo), so faces can say so. */
  recovery: Recovery | null;
  /** Pre-starts sandbox containers in the background (faces call it; the CLI's one-shot commands do not). */
  warmUpPlayground(): Promise<void>;
  images: RuntimeImages;
  /** Derives the projections again from the event log: of one learner, or of all. */
  rebuildProgress(learnerId?: string): number;
  /** Closes the database at once (synchronously), then removes pre-started containers. */
  close(): Promise<void>;
}

/** The one composition root: every service is wired here and nowhere else. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const logger = options.logger ?? createLogger('core');
  const now = options.now ?? (() => new Date());
  const { db, migration, damaged, markClosed } = openCoreDatabase(options.dataDir, now);
  if (migration.applied.length > 0) logger.info({ migration }, 'database migrated');

  const learners = new LearnerStore(db);
  const log = new ProgressLog(db);
  let recovery: Recovery | null = null;
  if (damaged) {
    recovery = { ...damaged, ...salvageLearners(damaged.keptAs, learners, log) };
    logger.error({ recovery }, 'the database was damaged: kept aside, learners and events recovered from it');
  }

  const events = new EventHub<LearnEvent>();
  const catalog = new CatalogStore(db);
  const builtinKeys = options.bundledPacksDir ? await readBuiltinKeys(join(options.bundledPacksDir, 'keys')) : [];
  const trust = new TrustStore(db, now, builtinKeys);
  const installer = new PackInstaller(db, catalog, trust, join(options.dataDir, 'packs'), options.appVersion, now);
  try {
    if (options.bundledPacksDir) {
      const installed = await installBundledPacks(installer, options.bundledPacksDir);
      if (installed.length > 0) logger.info({ installed }, 'bundled packs installed');
    }
  } catch (error) {
    db.close();
    throw error;
  }

  // Checkpoints move from the append path to a timer between calls; the larger automatic limit
  // only bounds the WAL when the app is never idle.
  db.pragma('wal_autocheckpoint = 10000');
  const checkpoints = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), 5_000).unref();

  const sessions = new LearnerSessions();
  const reader = new ProgressReader(db);
  const progress = createProgressService({
    sessions,
    log,
    reader,
    structure: catalog.structure,
    now,
  });
  const engine = options.playground?.engine ?? new DockerEngine();
  const images = new RuntimeImages(
    engine,
    options.runtimesDir ?? join(options.dataDir, 'no-runtimes'),
    join(options.dataDir, 'runtimes'),
    (runtime) => installer.runtimeImage(runtime),
  );
  const playground = createPlayground({
    engine,
    images,
    learnerOf: (session) => sessions.learnerOf(session),
    record: (session, events) => progress.updateUserProgress({ session, events }),
    exerciseForRun: (exerciseId) => installer.exerciseForRun(exerciseId),
    emit: (event) => events.emit(event),
    workspacesDir: join(options.dataDir, 'sandboxes'),
    logger,
    options: { ...readSandboxConfig(options.dataDir, logger), ...options.playground },
  });
  const transfer = new LearnerTransfer(db, learners, log, join(options.dataDir, 'exports'), now);
  const api: LearnService = {
    getAppInfo: async () => ({
      appVersion: options.appVersion,
      schemaVersion: migration.to,
      dataDir: options.dataDir,
      recovery,
    }),
    ...createContentService(catalog, new SearchIndex(db)),
    ...createPackService(installer, trust, events),
    ...createUsersService({
      db,
      learners,
      sessions,
      log,
      exportLearner: (learnerId) => transfer.export(learnerId),
      now,
    }),
    exportLearner: async ({ session, file }) => transfer.export(sessions.learnerOf(session), file),
    importLearner: async ({ file, session }) => transfer.import(file, session && sessions.learnerOf(session)),
    ...progress,
    ...playground.service,
    ...createAdaptiveService({
      sessions,
      catalog,
      reader,
      candidates: new Candidates(db),
      reviews: new ReviewSchedule(db),
    }),
  };

  return {
    api,
    onEvent: events.subscribe,
    logger,
    recovery,
    images,
    warmUpPlayground: () => playground.warmUp(),
    rebuildProgress: (learnerId) => log.rebuild(learnerId),
    close: async () => {
      clearInterval(checkpoints);
      db.close();
      markClosed();
      await playground.close();
    },
  };
}
