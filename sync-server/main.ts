import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { createLogger } from '../infra/log/logger.js';
import { emailSchema, newPasswordSchema } from './accounts/credential-schemas.js';
import { defaultDocumentsOptions } from './documents/register-documents.js';
import { parseBody } from './http/parse-body.js';
import { emailOptionsFrom } from './notifications/email-config.js';
import { DEFAULT_AUTH_RATE_LIMIT } from './http/rate-limits.js';
import { exitGracefullyOnSignals } from './ops/shutdown.js';
import { announceServer } from './distribution/announce.js';
import type { Announcement } from './distribution/announce.js';
import { serverSchema } from './storage/server-schema.js';
import { createAdminAccount, createSyncServer, DEFAULT_ACCESS_TTL_SECONDS } from './server.js';

const env = process.env;
/** The worker thread that commits document updates on SQLite (documents/append-worker.ts), built beside us. */
const APPEND_WORKER = fileURLToPath(new URL('./append-worker.js', import.meta.url));
/** Connections the kernel may hold accepted before the server takes them (see the listen below). */
const LISTEN_BACKLOG = 4096;

const integerFrom = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number from ${min}`);
  return n;
};

/** Flags that may hold credentials fall back to the environment here, not as commander defaults: `--help` prints those. */
const fromEnv = (flag: string | undefined, name: string) => flag ?? (env[name] || undefined);

const adminCredentials = z.object({ email: emailSchema, password: newPasswordSchema });

interface StorageFlags {
  dataDir: string;
  databaseUrl?: string;
}

interface ServeFlags extends StorageFlags {
  port: number;
  host: string;
  redisUrl?: string;
  tokenSecret?: string;
  accessTtl: number;
  metricsToken?: string;
  authRateLimit: number;
  shutdownTimeout: number;
  compactAfter: number;
  accountSockets: number;
  announce: boolean;
  announceName?: string;
  packsDir: string;
  smtpUrl?: string;
  emailFrom?: string;
  publicUrl?: string;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

const program = new Command('lionlearn-server')
  .description('Lionagi Learn sync server: accounts, classes and document sync for a classroom or a district')
  .option('--port <n>', 'port to listen on', integerFrom(0), Number(env.PORT ?? 4781))
  .option('--host <address>', 'address to listen on (0.0.0.0 for the whole LAN)', env.HOST ?? '127.0.0.1')
  .option(
    '--data-dir <dir>',
    'folder of the SQLite database (sync.db) and the generated token secret',
    env.LIONLEARN_SERVER_DATA_DIR ?? 'server-data',
  )
  .option(
    '--database-url <url>',
    'postgres://… keeps everything in PostgreSQL instead, for several instances (env LIONLEARN_SERVER_DATABASE_URL)',
  )
  .option(
    '--redis-url <url>',
    'redis://… fans document updates and sign-outs out to the other instances (env LIONLEARN_SERVER_REDIS_URL)',
  )
  .option(
    '--token-secret <secret>',
    'access-token key, 32+ characters; required with PostgreSQL (prefer env LIONLEARN_SERVER_SECRET: flags show in ps)',
  )
  .option(
    '--access-ttl <seconds>',
    'lifetime of access tokens',
    integerFrom(1),
    Number(env.LIONLEARN_SERVER_ACCESS_TTL ?? DEFAULT_ACCESS_TTL_SECONDS),
  )
  .option(
    '--metrics-token <token>',
    'bearer token a scraper off this machine presents for /metrics; loopback needs none (env LIONLEARN_SERVER_METRICS_TOKEN)',
  )
  .option(
    '--auth-rate-limit <n>',
    'sign-in, registration, refresh, password and join requests per client IP and route per minute',
    integerFrom(1),
    Number(env.LIONLEARN_SERVER_AUTH_RATE_LIMIT ?? DEFAULT_AUTH_RATE_LIMIT.max),
  )
  .option(
    '--shutdown-timeout <seconds>',
    'on SIGTERM, exit anyway after this long if draining commits and closing sockets has not finished',
    integerFrom(1),
    Number(env.LIONLEARN_SERVER_SHUTDOWN_TIMEOUT ?? 20),
  )
  .option(
    '--compact-after <n>',
    'fold a document into its snapshot once more update rows than this wait beside it',
    integerFrom(1),
    Number(env.LIONLEARN_SERVER_COMPACT_AFTER ?? defaultDocumentsOptions.compactAfter),
  )
  .addOption(
    // Read from the environment by commander itself, so a bad value is refused there too (not a NaN that lifts the cap).
    new Option(
      '--account-sockets <n>',
      'sync sockets one account may hold open on this instance; one more is closed with 4429',
    )
      .env('LIONLEARN_SERVER_ACCOUNT_SOCKETS')
      .argParser(integerFrom(1))
      .default(defaultDocumentsOptions.maxSocketsPerAccount),
  )
  .option('--no-announce', 'do not announce this server on the LAN with mDNS (it does when listening beyond loopback)')
  .option('--announce-name <name>', 'the name the apps list this server by (default: the machine name)')
  .option(
    '--packs-dir <dir>',
    'folder of pack source folders the class dashboard counts completion against (env LIONLEARN_SERVER_PACKS_DIR)',
    env.LIONLEARN_SERVER_PACKS_DIR ?? 'content-packs',
  )
  .option('--smtp-url <url>', 'smtp://user:pass@host:587 turns email on (env LIONLEARN_SERVER_SMTP_URL)')
  .option(
    '--email-from <address>',
    'From of the emails, "Class <noreply@school.example>" (env LIONLEARN_SERVER_EMAIL_FROM)',
  )
  .option(
    '--public-url <url>',
    'this server as learners reach it, for the unsubscribe links (env LIONLEARN_SERVER_PUBLIC_URL)',
  )
  .action(async (flags: ServeFlags) => {
    const logger = createLogger('sync-server');
    const server = await createSyncServer({
      dataDir: resolve(flags.dataDir),
      databaseUrl: fromEnv(flags.databaseUrl, 'LIONLEARN_SERVER_DATABASE_URL'),
      redisUrl: fromEnv(flags.redisUrl, 'LIONLEARN_SERVER_REDIS_URL'),
      tokenSecret: fromEnv(flags.tokenSecret, 'LIONLEARN_SERVER_SECRET'),
      accessTtlSeconds: flags.accessTtl,
      metricsToken: fromEnv(flags.metricsToken, 'LIONLEARN_SERVER_METRICS_TOKEN'),
      authRateLimit: { ...DEFAULT_AUTH_RATE_LIMIT, max: flags.authRateLimit },
      documents: {
        compactAfter: flags.compactAfter,
        maxSocketsPerAccount: flags.accountSockets,
        // Built beside this bundle; run from the sources (no such file), the rows commit on the event loop.
        ...(existsSync(APPEND_WORKER) && { appendWorker: APPEND_WORKER }),
      },
      dashboard: { packsDir: resolve(flags.packsDir) },
      email: emailOptionsFrom({
        smtpUrl: fromEnv(flags.smtpUrl, 'LIONLEARN_SERVER_SMTP_URL'),
        from: fromEnv(flags.emailFrom, 'LIONLEARN_SERVER_EMAIL_FROM'),
        publicUrl: fromEnv(flags.publicUrl, 'LIONLEARN_SERVER_PUBLIC_URL'),
      }),
      logger,
    });
    // Fastify's close refuses new requests, then the documents layer drains and closes sockets with 1012.
    let announcement: Announcement | undefined;
    const close = async () => {
      await announcement?.stop();
      await server.app.close();
    };
    exitGracefullyOnSignals({ close, logger, timeoutMs: flags.shutdownTimeout * 1000 });
    // A class's devices all reconnect at once after a restart or a network drop: with Node's default backlog (511)
    // the kernel's accept queue overflowed (bench/sync, 1,000 sockets: 541 handshakes dropped in one run) and each
    // dropped one was retried a second later; the reconnect storm took 1.3-1.7 s (median 1.5) against 0.9-1.3 s
    // (median 1.07) with this backlog, in seven runs interleaved at load 4 to 8. The kernel caps it at somaxconn.
    await server.app.listen({ port: flags.port, host: flags.host, backlog: LISTEN_BACKLOG });
    // Apps on other machines can reach it only beyond loopback: announced there, unless asked not to.
    if (flags.announce && !isLoopback(flags.host)) {
      const { port } = server.app.server.address() as { port: number };
      announcement = announceServer({
        port,
        ...(flags.announceName ? { name: flags.announceName } : {}),
        version: String(serverSchema.at(-1)!.version),
        onError: (error) => logger.warn({ err: error }, 'mDNS announcement failed; apps can still type the address'),
      });
      logger.info({ port }, 'announced on the LAN with mDNS');
    }
  });

program
  .command('admin')
  .description('account administration on this server’s database')
  .command('create')
  .description('create an admin account (the first admin; later ones can also be made by an admin over HTTP)')
  .requiredOption('--email <email>', 'email of the new admin')
  .requiredOption(
    '--password-env <VAR>',
    'name of the environment variable that holds the password (kept out of ps and shell history)',
  )
  .option('--display-name <name>', 'name shown to others', 'Administrator')
  .action(async (flags: { email: string; passwordEnv: string; displayName: string }, command: Command) => {
    const storage = command.optsWithGlobals<StorageFlags>();
    const password = env[flags.passwordEnv];
    if (!password) throw new Error(`The environment variable ${flags.passwordEnv} is not set.`);
    const credentials = parseBody(adminCredentials, { email: flags.email, password });
    const { accountId } = await createAdminAccount(
      {
        dataDir: resolve(storage.dataDir),
        databaseUrl: fromEnv(storage.databaseUrl, 'LIONLEARN_SERVER_DATABASE_URL'),
        logger: createLogger('sync-server'),
      },
      { ...credentials, displayName: flags.displayName },
    );
    console.log(`Admin ${credentials.email} created (account ${accountId}); sign in with POST /auth/login.`);
  });

try {
  await program.parseAsync();
} catch (error) {
  console.error(`lionlearn-server: ${(error as Error).message}`);
  process.exitCode = 1;
}
