import { cutLingeringConnectionsOnClose, DEFAULT_CLOSE_GRACE_MS } from '../infra/http/close-connections.js';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../infra/log/logger.js';
import { AccessTokenIssuer } from './accounts/access-tokens.js';
import { AccountRoles } from './accounts/account-roles.js';
import type { AccountServices } from './accounts/account-services.js';
import { AccountStore } from './accounts/account-store.js';
import { registerAdminRoutes } from './accounts/admin-routes.js';
import { registerAuthRoutes } from './accounts/auth-routes.js';
import { registerClassRoutes } from './classes/class-routes.js';
import { classroomNotices } from './notifications/classroom-notices.js';
import { Assignments } from './classes/assignments.js';
import { BulkAccounts } from './accounts/bulk-accounts.js';
import { Classes } from './classes/classes.js';
import { Memberships } from './classes/memberships.js';
import { PasswordChange } from './accounts/password-change.js';
import { RefreshTokens } from './accounts/refresh-tokens.js';
import { Registration } from './accounts/registration.js';
import type { NewAccount, RegistrationFault } from './accounts/registration.js';
import { createLocalRevocationBus } from './accounts/revocation-bus.js';
import type { RevocationBus } from './accounts/revocation-bus.js';
import { Sessions } from './accounts/sessions.js';
import { resolveTokenSecret, SECRET_FILE } from './accounts/token-secret.js';
import { TokenVerifier } from './accounts/token-verifier.js';
import { registerDistribution } from './distribution/register-distribution.js';
import { registerDashboard } from './dashboard/register-dashboard.js';
import type { Dashboard, DashboardOptions } from './dashboard/register-dashboard.js';
import { registerDocuments } from './documents/register-documents.js';
import { registerPrivacyRoutes } from './privacy/privacy-routes.js';
import type { DocumentsOptions } from './documents/register-documents.js';
import { registerErrorHandler } from './http/error-handler.js';
import type { EmailOptions } from './notifications/email-config.js';
import { registerEmailRoutes } from './notifications/email-routes.js';
import { EmailService, unsubscribeParts } from './notifications/email-service.js';
import { registerNotificationRoutes } from './notifications/notification-routes.js';
import { Notifier } from './notifications/notifier.js';
import type { SendLimit } from './notifications/notifier.js';
import type { PruneSchedule } from './notifications/inbox-pruner.js';
import type { InboxLimits } from './notifications/inbox-pruning.js';
import { createSyncMetrics } from './ops/metrics.js';
import type { SyncMetrics } from './ops/metrics.js';
import { registerMetricsRoute } from './ops/metrics-route.js';
import { serverLogOptions } from './ops/server-logging.js';
import { DEFAULT_AUTH_RATE_LIMIT, registerRateLimits } from './http/rate-limits.js';
import type { RateLimit } from './http/rate-limits.js';
import { openServerStore, SERVER_DATABASE_FILES } from './storage/open-server-store.js';
import type { StorageOptions } from './storage/open-server-store.js';
import { tightenPrivateFiles } from './storage/private-files.js';
import type { SqlStore } from './storage/sql-store.js';

export const DEFAULT_ACCESS_TTL_SECONDS = 900;
const READY_TIMEOUT_MS = 2_000;

export interface SyncServerOptions extends StorageOptions {
  /** Redis for the fan-out between instances; without it everything stays in this process. */
  redisUrl?: string;
  /** HS256 key of the access tokens; see resolveTokenSecret for what happens without it. */
  tokenSecret?: string;
  accessTtlSeconds?: number;
  logger: Logger;
  /** Per route and client IP on sign-in, registration, refresh, password change and class join. */
  authRateLimit?: RateLimit;
  /** Lets a scraper off loopback read /metrics (as a bearer token); without it only loopback may. */
  metricsToken?: string;
  now?: () => Date;
  /** Test seam of the registration saga. */
  registrationFault?: RegistrationFault;
  /** Published packs and app installers (default `<dataDir>/distribution`) and the pack keys trusted for publishing (default `<dataDir>/pack-keys`). */
  distribution?: { dir?: string; packKeysDir?: string };
  /** Idle unload, compaction threshold and socket limits of the documents; the defaults suit production. */
  documents?: Partial<DocumentsOptions>;
  /** Messages one teacher or admin may send per window. */
  sendLimit?: SendLimit;
  /** What an inbox keeps (INBOX_LIMITS) and when the inboxes are swept (DEFAULT_PRUNE_SCHEDULE). */
  inboxes?: { limits?: InboxLimits; schedule?: PruneSchedule };
  /** The packs reports count against, assignments, struggle thresholds. */
  dashboard?: DashboardOptions;
  /** SMTP and the From address; without it (the default) the server sends no email. */
  email?: EmailOptions;
  /** How long requests under way may finish once the server closes (DEFAULT_CLOSE_GRACE_MS). */
  closeGraceMs?: number;
  /** Test seam: the mail transport in place of nodemailer's SMTP one. */
  emailTransport?: ConstructorParameters<typeof EmailService>[6];
}

export interface SyncServer {
  app: FastifyInstance;
  store: SqlStore;
  tokens: TokenVerifier;
  memberships: Memberships;
  revocations: RevocationBus;
  services: AccountServices;
  metrics: SyncMetrics;
  /** Messages and notices into inboxes; `notifyClass` / `notifyTeacher` are the hooks of other server parts. */
  notifications: Notifier;
  dashboard: Dashboard;
  /** The outbox, sender and digests when SMTP is configured. */
  email: EmailService | undefined;
  options: SyncServerOptions;
}

/** The sync server's one composition root: storage, accounts and routes, not yet listening. */
export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  tightenDataDir(options);
  // Before the store opens: a missing secret is reported without touching the database.
  const key = resolveTokenSecret({
    given: options.tokenSecret,
    dataDir: options.dataDir,
    dialect: options.databaseUrl === undefined ? 'sqlite' : 'postgres',
  });
  const { store, migration } = await openServerStore(options);
  if (migration.applied.length > 0) logger.info({ migration }, 'database migrated');

  const revocations = createLocalRevocationBus();
  const tokens = new TokenVerifier(key, store, now);
  const memberships = new Memberships(store);
  const refreshTokens = new RefreshTokens(store, revocations, now);
  const issuer = new AccessTokenIssuer(key, options.accessTtlSeconds ?? DEFAULT_ACCESS_TTL_SECONDS, now);
  const registration = new Registration(store, logger, now, options.registrationFault);
  const classes = new Classes(store, now);
  const services: AccountServices = {
    accounts: new AccountStore(store),
    registration,
    sessions: new Sessions(store, issuer, refreshTokens),
    refreshTokens,
    passwordChange: new PasswordChange(store, refreshTokens, now),
    roles: new AccountRoles(store, revocations),
    classes,
    assignments: new Assignments(store, now),
    bulkAccounts: new BulkAccounts(store, registration, classes),
  };

  const app = Fastify({ ...serverLogOptions(logger), bodyLimit: 1024 * 1024 });
  // onClose hooks run last-added first: added here, storage closes after everything added below.
  app.addHook('onClose', () => store.close());
  cutLingeringConnectionsOnClose(app, options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
  registerErrorHandler(app);
  await registerRateLimits(app);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    // A database host that went silent (not refusing, just gone) must not hang the probe.
    const silence = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('the database did not answer in time')), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([store.ping(), silence]);
      return { status: 'ready', schemaVersion: migration.to };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', reason: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  });

  const rateLimit = options.authRateLimit ?? DEFAULT_AUTH_RATE_LIMIT;
  registerAuthRoutes(app, { services, tokens, rateLimit });
  // Set once notifications exist (below): the classes and dashboard rooms raise notices through it.
  const notices: { raise?: ReturnType<typeof classroomNotices> } = {};
  registerClassRoutes(app, { services, tokens, rateLimit, onAssigned: (a) => notices.raise?.assigned(a) });
  registerAdminRoutes(app, { services, tokens });
  await registerDistribution(app, { store, tokens, dataDir: options.dataDir, now, ...options.distribution });

  const metrics = createSyncMetrics();
  registerMetricsRoute(app, metrics, options.metricsToken);
  const dashboard = await registerDashboard(app, {
    store,
    tokens,
    classes: services.classes,
    now,
    options: {
      listAssignments: (classId) => services.assignments.listForClass(classId),
      onStruggle: (learnerId, signals) => notices.raise?.struggling(learnerId, signals),
      ...options.dashboard,
    },
  });
  registerPrivacyRoutes(app, { store, tokens, projections: dashboard.projections });
  const documents = await registerDocuments(app, {
    store,
    tokens,
    memberships,
    revocations,
    redisUrl: options.redisUrl,
    metrics,
    options: options.documents,
    onCommitted: dashboard.projector.committed,
  });
  const emailParts = unsubscribeParts(key, store, documents);
  registerEmailRoutes(app, emailParts);
  const email =
    options.email &&
    new EmailService(
      store,
      options.email,
      emailParts.tokens,
      emailParts.preference,
      app.log,
      () => now().getTime(),
      options.emailTransport,
    );
  const notifications = new Notifier(store, documents, app.log, now, options.sendLimit, email, options.inboxes?.limits);
  registerNotificationRoutes(app, { tokens, notifier: notifications });
  notices.raise = classroomNotices(store, notifications, app.log);
  // Deliveries a stop interrupted go out once the server is up; they finish before storage closes.
  app.addHook('onReady', async () => {
    void notifications.delivery.kick();
    notifications.pruner.start(options.inboxes?.schedule);
    email?.start();
  });
  app.addHook('preClose', async () => {
    await notifications.pruner.stop();
    await notifications.delivery.stop();
    await email?.stop();
  });

  return { app, store, tokens, memberships, revocations, services, metrics, notifications, dashboard, email, options };
}

/** `admin create` of the server CLI: the first admin, through the same registration as everyone else. */
export async function createAdminAccount(
  storage: StorageOptions & { logger: Logger },
  account: NewAccount,
): Promise<{ accountId: string }> {
  tightenDataDir(storage);
  const { store } = await openServerStore(storage);
  try {
    return await new Registration(store, storage.logger, () => new Date()).register(account, 'admin');
  } finally {
    await store.close();
  }
}

/**
 * A SQLite data folder from an older server (or a copied backup) may hold the database and the secret readable
 * by everyone: made owner-only at every start, before anything reads them. With PostgreSQL the folder is unused.
 */
function tightenDataDir({ dataDir, databaseUrl, logger }: StorageOptions & { logger: Logger }): void {
  if (databaseUrl === undefined) tightenPrivateFiles(dataDir, [SECRET_FILE, ...SERVER_DATABASE_FILES], logger);
}
