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
import { EventHub } from './event-hub.js';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  /** Pack sources shipped with the app, installed on first start, and keys/ trusted by default. */
  bundledPacksDir?: string;
  logger?: Logger;
  now?: () => Date;
}

export interface Core {
  api: LearnService;
  onEvent(listener: (event: LearnEvent) => void): () => void;
  logger: Logger;
  close(): void;
}

/** The one composition root: every service is wired here and nowhere else. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const logger = options.logger ?? createLogger('core');
  const now = options.now ?? (() => new Date());
  const { db, migration } = openCoreDatabase(options.dataDir);
  if (migration.applied.length > 0) logger.info({ migration }, 'database migrated');

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

  const api: LearnService = {
    getAppInfo: async () => ({
      appVersion: options.appVersion,
      schemaVersion: migration.to,
      dataDir: options.dataDir,
    }),
    ...createContentService(catalog, new SearchIndex(db)),
    ...createPackService(installer, trust, events),
  };

  return { api, onEvent: events.subscribe, logger, close: () => db.close() };
}
