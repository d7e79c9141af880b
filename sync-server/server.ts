import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { Logger } from '../infra/log/logger.js';
import { migrate } from '../infra/sqlite/migrator.js';
import { openDatabase } from '../infra/sqlite/open-database.js';
import { serverMigrations } from './db/migrations.js';

export const SERVER_DATABASE_FILE = 'sync.db';

export interface SyncServerOptions {
  dataDir: string;
  logger: Logger;
}

/** The sync server's composition root: storage and routes, not yet listening. */
export function createSyncServer({ dataDir, logger }: SyncServerOptions) {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, SERVER_DATABASE_FILE));
  const migration = migrate(db, serverMigrations);
  if (migration.applied.length > 0) logger.info({ migration }, 'database migrated');

  const app = Fastify({ loggerInstance: logger, bodyLimit: 1024 * 1024 });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      db.prepare('SELECT 1').get();
      return { status: 'ready', schemaVersion: migration.to };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  app.addHook('onClose', async () => db.close());
  return app;
}
