import type { LanguagePreference } from '../../common/contract/learners.js';
import { join } from 'node:path';
import type { LearnService } from '../../common/contract/api.js';
import type { LearnEvent } from '../../common/contract/events.js';
import type { InstallResult } from '../../common/contract/packs.js';
import { createLogger } from '../../infra/log/logger.js';
import type { Logger } from '../../infra/log/logger.js';
import { installBundledPacks } from './content/bundled-packs.js';
import { readBuiltinKeys } from './content/builtin-keys.js';
import { CatalogStore } from './content/catalog-store.js';
import { codeItemForRun } from './content/code-item-run.js';
import { createContentService } from './content/content-service.js';
import { PackInstaller } from './content/pack-installer.js';
import { createDistributionService } from './distribution/distribution-service.js';
import { PackPuller } from './distribution/pack-puller.js';
import type { DiscoveryOptions } from './distribution/server-discovery.js';
import { createPackService } from './content/pack-service.js';
import { SearchIndex } from './content/search-index.js';
import { ShippedPacks } from './content/shipped-packs.js';
import { TrustStore } from './content/trust-store.js';
import { CORE_DATABASE_FILE, openCoreDatabase } from './db/core-database.js';
import type { Recovery } from './db/core-database.js';
import { createAdaptiveModel } from './adaptive/models/adaptive-model.js';
import type { AdaptiveModelOptions } from './adaptive/models/adaptive-model.js';
import { createAdaptiveService } from './adaptive/adaptive-service.js';
import { Candidates } from './adaptive/policy/candidates.js';
import { FinishedSteps } from './adaptive/policy/finished-steps.js';
import { KeptPaces } from './adaptive/policy/kept-paces.js';
import { LearningPaths } from './adaptive/policy/learning-path.js';
import { PracticeHistory } from './adaptive/practice-history.js';
import { ReviewSchedule } from './adaptive/policy/review-schedule.js';
import { LearnError } from '../../common/contract/errors.js';
import { say } from '../../common/i18n/message.js';
import { StoredPaths } from './adaptive/policy/stored-paths.js';
import { AssessmentStore } from './assessment/assessment-store.js';
import { createAssessmentService } from './assessment/assessment-service.js';
import { calibrateBank } from './assessment/item-calibration.js';
import { lockTestItems } from './assessment/test-item-lock.js';
import type { BankCalibration } from './assessment/item-calibration.js';
import type { ScoredAnswer } from './assessment/irt/calibrate.js';
import { AnalyticsReader } from './analytics/analytics-reader.js';
import { createAnalyticsService } from './analytics/analytics-service.js';
import { WorkMarks } from './analytics/work-marks.js';
import { QuizBank } from './assessment/quiz-bank.js';
import { createQuizService } from './assessment/quiz-service.js';
import { ReviewHistory } from './assessment/review-history.js';
import { createReviewService } from './assessment/review-service.js';
import { DockerEngine } from './playground/docker-engine.js';
import { createPlayground } from './playground/playground-service.js';
import type { Playground, PlaygroundAdmin, PlaygroundOptions } from './playground/playground-service.js';
import { RuntimeImages } from './playground/runtime-images.js';
import { readSandboxConfig } from './playground/sandbox-config.js';
import { createProgressService } from './progress/progress-service.js';
import type { ProgressService } from './progress/progress-service.js';
import { GroupCommit } from './progress/group-commit.js';
import { ProgressLog } from './progress/progress-log.js';
import { ProgressReader } from './progress/progress-reader.js';
import { salvageLearners } from './progress/salvage.js';
import { DraftStore } from './drafts/draft-store.js';
import { createDraftsService } from './drafts/drafts-service.js';
import { DraftsMirror } from './sync/drafts-mirror.js';
import { LocalDocs } from './sync/local-docs.js';
import { PrefsMirror } from './sync/prefs-mirror.js';
import { ProgressMirror } from './sync/progress-mirror.js';
import { createSyncService } from './sync/sync-service.js';
import type { SyncOptions } from './sync/sync-service.js';
import { SyncStore } from './sync/sync-store.js';
import { gateAdminMethods } from './users/admin-gate.js';
import { AdminPasswordStore } from './users/admin-password.js';
import { createAdminService } from './users/admin-service.js';
import { LearnerSessions } from './users/learner-sessions.js';
import { LearnerStore } from './users/learner-store.js';
import { LearnerTransfer } from './users/learner-transfer.js';
import { createUsersService } from './users/users-service.js';
import { EventHub } from './event-hub.js';
import { AssignmentProgress } from './classroom/assignment-progress.js';
import { ClassroomCache } from './classroom/classroom-cache.js';
import { createClassroomService } from './classroom/classroom-service.js';
import { dueSoon } from './notifications/assignment-reminders.js';
import { createNotifications } from './notifications/notifications.js';

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
  /** The learner's time zone (IANA) for quiet hours and the day's cap; the machine's own by default. */
  timeZone?: string;
  /** Reconnect backoff (base, cap, the random source); tests shorten it. */
  sync?: SyncOptions;
  /** Between two checks of the class server's pack feed (default 5 minutes). */
  distributionIntervalMs?: number;
  /** How long and where findClassServers listens (tests pass a loopback transport). */
  discovery?: DiscoveryOptions;
  /** The deep model's trainer worker and schedule; without a trainer script it is not trained here. */
  model?: AdaptiveModelOptions;
}

export interface Core {
  api: LearnService;
  onEvent(listener: (event: LearnEvent) => void): () => void;
  logger: Logger;
  /** Set when the database was damaged at start (also in getAppInfo), so faces can say so. */
  recovery: Recovery | null;
  /** Pre-starts sandbox containers in the background (faces call it; the CLI's one-shot commands do not). */
  warmUpPlayground(): Promise<void>;
  /** Syncs every linked learner in the background (faces call it; the CLI's one-shot commands do not). */
  startSync(): void;
  images: RuntimeImages;
  /**
   * An admin session without a password, only while none is set: the CLI runs as the OS user who
   * owns the data folder, and tests use it. Not part of the API, so no face reaches it.
   */
  ownerSession(): string;
  /** Throws the API's 'forbidden' unless `session` is a live admin session (the upload checks before reading). */
  requireAdmin(session: string | undefined): void;
  /**
   * The public keys this machine's admins trust (and the app's own), by key id: the desktop face checks an app
   * update's signed channel file against them. Not part of the API: no page needs the keys themselves.
   */
  trustedKeys(): Map<string, string>;
  /**
   * The core's own progress record, of any event type (the playground's results go this way). Not
   * part of the API, so no face reaches it; tests use it to give a learner a history.
   */
  recordProgress: ProgressService['record'];
  /** Grades code against an exercise given by its files (`lionlearn pack check`), the way the app grades. */
  gradeExercise: Playground['grade'];
  /** Runs without a learner session and the engine's sandboxes, for the command line. */
  sandbox: PlaygroundAdmin;
  /**
   * Refits the item bank (2PL) from answers, or from this machine's own quiz answers; an admin's
   * (`session`), as it changes every learner's adaptive tests. Not part of the API: the CLI's.
   */
  calibrateItems(session: string, answers?: readonly ScoredAnswer[]): BankCalibration;
  /** Derives the projections again from the event log: of one learner, or of all. */
  rebuildProgress(learnerId?: string): number;
  /**
   * The languages the learners chose (Preferences.language): of one learner (undefined for one not here), or of
   * the profiles open now, in the order they opened. The desktop shell says its alerts and tray in them.
   */
  languageOf(learnerId: string): LanguagePreference | undefined;
  openLanguages(): LanguagePreference[];
  /** Notifications of this device's own: the assignments room's hook, and the sources' check run at once (tests). */
  notifications: Pick<ReturnType<typeof createNotifications>, 'assignmentDue' | 'tick' | 'reviewsDue'>;
  /** The adaptive engine's deep model: its state (for doctor) and its background trainer. */
  model: Pick<ReturnType<typeof createAdaptiveModel>, 'knowledge' | 'trainer'>;
  /**
   * Closes the sync sockets and the database at once (synchronously; only a sync token refresh in
   * flight is waited for first), then removes pre-started containers.
   */
  close(): Promise<void>;
}

/** The one composition root: every service is wired here and nowhere else. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const logger = options.logger ?? createLogger('core');
  const now = options.now ?? (() => new Date());
  const { db, migration, damaged, markClosed } = openCoreDatabase(options.dataDir, now);
  if (migration.applied.length > 0) logger.info({ migration }, 'database migrated');

  const learners = new LearnerStore(db);
  const syncStore = new SyncStore(db);
  const syncDocs = new LocalDocs(db, syncStore, logger);
  const progressMirror = new ProgressMirror(syncDocs, syncStore, logger);
  const log = new ProgressLog(db, progressMirror.appended);
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

  const sessions = new LearnerSessions(now);
  const admin = createAdminService({ store: new AdminPasswordStore(db), sessions, now });
  const prefsMirror = new PrefsMirror(syncDocs, syncStore, learners, logger);
  const draftStore = new DraftStore(db);
  const draftsMirror = new DraftsMirror(syncDocs, syncStore, draftStore, logger, now);
  const sync = createSyncService({
    db,
    sessions,
    store: syncStore,
    docs: syncDocs,
    log,
    progress: progressMirror,
    prefs: prefsMirror,
    drafts: draftsMirror,
    emit: (event) => events.emit(event),
    now,
    logger,
    options: options.sync,
  });
  // Packs from the class server: fetched in the background by long-running faces, installed by the one install path.
  // A pack these paths install is a pack-update notice for the open learners, as one installed through
  // installPack is (`notifications` is made below; these run only once the core is open).
  const told = (result: InstallResult): InstallResult => {
    if (result.status === 'installed') notifications.packInstalled(result);
    return result;
  };
  const installWithProgress = async (file: string, onBytes: (bytes: number, total: number) => void) =>
    told(await installer.installFile(file, { onProgress: ({ bytes, total }) => onBytes(bytes, total) }));
  const puller = new PackPuller({
    access: () => sync.serverAccess(),
    installedVersion: (packId) => catalog.installedVersion(packId),
    install: async (file) => {
      const result = told(await installer.installFile(file));
      if (result.status === 'installed') events.emit({ type: 'catalog-changed' });
      return result;
    },
    downloadsDir: join(options.dataDir, 'downloads'),
    emit: (status) => events.emit({ type: 'distribution-status', status }),
    updateAvailable: (pack) => notifications.packAvailable(pack),
    now,
    logger,
    ...(options.distributionIntervalMs ? { intervalMs: options.distributionIntervalMs } : {}),
  });
  const reader = new ProgressReader(db);
  const commits = new GroupCommit(db, log);
  const progress = createProgressService({
    sessions,
    commits,
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
    record: progress.record,
    exerciseForRun: (exerciseId) => installer.exerciseForRun(exerciseId),
    emit: (event) => events.emit(event),
    workspacesDir: join(options.dataDir, 'sandboxes'),
    logger,
    options: { ...readSandboxConfig(options.dataDir, logger), ...options.playground },
  });
  const finished = new FinishedSteps(db, catalog.generation);
  const drafts = createDraftsService({
    db,
    sessions,
    store: draftStore,
    mirror: draftsMirror,
    testsOf: async (exerciseId) => (await installer.exerciseForRun(exerciseId)).tests,
    now,
  });
  const transfer = new LearnerTransfer(db, learners, log, join(options.dataDir, 'exports'), now);
  // Moves whenever a learner's log may have changed: this connection's appends and removals, and (with
  // the catalog's generation, which takes data_version in) another connection's commits.
  const logVersion = (learnerId: string) => `${log.versionOf(learnerId)}/${catalog.generation.current()}`;
  const model = createAdaptiveModel({
    dataDir: options.dataDir,
    dbFile: join(options.dataDir, CORE_DATABASE_FILE),
    db,
    priors: () => installer.models(),
    answersVersion: logVersion,
    logger,
    ...(options.model ? { options: options.model } : {}),
  });
  const quizBank = new QuizBank(db);
  const workMarks = new WorkMarks(db);
  /** Code work writes no event: time on task hears of it here (a closed session is the call's own error). */
  const worked =
    <I extends { session: string }, O>(call: (input: I) => Promise<O>) =>
    (input: I) => {
      workMarks.mark(sessions.learnerOf(input.session), now());
      return call(input);
    };
  const reviewSchedule = new ReviewSchedule(db);
  const assessmentStore = new AssessmentStore(db);
  const notifications = createNotifications({
    db,
    docs: syncDocs,
    links: syncStore,
    learners,
    sessions,
    reviews: reviewSchedule,
    reader,
    signedIn: sync.signedIn,
    subscribe: events.subscribe,
    emit: (event) => events.emit(event),
    now,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    logger,
  });
  const packs = createPackService(installer, trust, new ShippedPacks(installer, options.bundledPacksDir), events);
  const classroom = createClassroomService({
    learnerOf: (session) => sessions.learnerOf(session),
    linkOf: (learnerId) => syncStore.linkOf(learnerId),
    access: sync.access,
    cache: new ClassroomCache(db),
    progress: new AssignmentProgress(db),
    now,
  });
  const api: LearnService = gateAdminMethods(
    {
      getAppInfo: async () => ({
        appVersion: options.appVersion,
        schemaVersion: migration.to,
        dataDir: options.dataDir,
        recovery,
      }),
      ...createContentService(catalog, new SearchIndex(db)),
      ...packs,
      ...admin.service,
      ...createUsersService({
        db,
        learners,
        sessions,
        log,
        exportLearner: (learnerId) => transfer.export(learnerId),
        now,
        sync: { preferencesChanged: prefsMirror.changed, learnerRemoved: sync.learnerRemoved },
      }),
      exportLearner: async ({ session, file }) => transfer.export(sessions.learnerOf(session), file),
      importLearner: async ({ file, session }) => transfer.import(file, session && sessions.learnerOf(session)),
      ...progress.api,
      ...createQuizService({
        learnerOf: (session) => sessions.learnerOf(session),
        bank: quizBank,
        module: (moduleId) => catalog.findModule(moduleId),
        record: progress.record,
        gradeCode: async (itemId, item, code) =>
          playground.grade(codeItemForRun(await installer.runtimeOf(itemId.split('/')[0]!), item), code),
      }),
      ...createAssessmentService({
        learnerOf: (session) => sessions.learnerOf(session),
        bank: quizBank,
        store: assessmentStore,
        record: progress.record,
        now,
        packForms: async (packId) => (await installer.loadVersion(packId)).manifest.assessments,
      }),
      ...createReviewService({
        learnerOf: (session) => {
          const learner = learners.find(sessions.learnerOf(session));
          if (!learner) throw new LearnError('not-found', say('profile-removed'));
          return learner;
        },
        bank: quizBank,
        schedule: reviewSchedule,
        history: new ReviewHistory(db),
        record: progress.record,
        now,
      }),
      ...sync.api,
      ...classroom,
      // Reading the classroom (home does) turns assignments due soon into notices, once each.
      getClassroom: async (input) => {
        const read = await classroom.getClassroom(input);
        const learnerId = sessions.learnerOf(input.session);
        for (const due of dueSoon(read.assignments, now())) notifications.assignmentDue(learnerId, due);
        return read;
      },
      ...createDistributionService({
        puller,
        install: installWithProgress,
        events,
        discovery: options.discovery,
        learnerOf: (session) => sessions.learnerOf(session),
        signedIn: (learnerId) => sync.signedIn(learnerId),
      }),
      ...playground.service,
      executeCode: worked(playground.service.executeCode),
      updateLiveCode: worked(playground.service.updateLiveCode),
      runInSandbox: worked(playground.service.runInSandbox),
      validateCode: async (input) => {
        const result = await playground.service.validateCode(input);
        drafts.submitted(sessions.learnerOf(input.session), input.exerciseId, input.code);
        return result;
      },
      ...drafts.api,
      saveDraft: worked(drafts.api.saveDraft),
      ...createAnalyticsService({
        learnerOf: (session) => sessions.learnerOf(session),
        reader: new AnalyticsReader(db),
        marks: workMarks,
      }),
      ...notifications.api,
      installPack: async (input) => {
        const result = await packs.installPack(input);
        if (result.status === 'installed') notifications.packInstalled(result);
        return result;
      },
      ...createAdaptiveService({
        sessions,
        catalog,
        reader,
        candidates: new Candidates(db, catalog.generation),
        finished,
        reviews: reviewSchedule,
        learners,
        history: new PracticeHistory(db),
        paths: new LearningPaths(db, finished),
        storedPaths: new StoredPaths(db),
        // Difficulties come from the catalog, which logVersion takes in.
        paces: new KeptPaces(logVersion),
        knowledge: model.knowledge,
        now,
      }),
    },
    sessions,
  );
  // A running test's items cannot be answered in a quiz or a review, which show their keys.
  Object.assign(
    api,
    lockTestItems(api, (session, itemId) => assessmentStore.inRunningTest(sessions.learnerOf(session), itemId, now())),
  );

  return {
    api,
    ownerSession: admin.ownerSession,
    requireAdmin: (session) => sessions.requireAdmin(session),
    trustedKeys: () => trust.keys(),
    onEvent: events.subscribe,
    logger,
    recovery,
    images,
    sandbox: playground.admin,
    warmUpPlayground: () => playground.warmUp(),
    gradeExercise: (exercise, code) => playground.grade(exercise, code),
    startSync: () => {
      sync.startAll();
      puller.start();
    },
    recordProgress: progress.record,
    rebuildProgress: (learnerId) => log.rebuild(learnerId),
    calibrateItems: (session, answers) => {
      sessions.requireAdmin(session);
      return calibrateBank(assessmentStore, quizBank, answers, now());
    },
    model,
    notifications,
    languageOf: (learnerId) => learners.find(learnerId)?.preferences.language,
    openLanguages: () => [...sessions.openLearners()].flatMap((id) => learners.find(id)?.preferences.language ?? []),
    close: async () => {
      notifications.close();
      const modelClosed = model.close();
      clearInterval(checkpoints);
      puller.stop();
      const refreshing = sync.close();
      if (refreshing) await refreshing;
      // Appends waiting for the next turn's commit are committed, not dropped.
      commits.flush();
      db.close();
      markClosed();
      await playground.close();
      await modelClosed;
    },
  };
}
