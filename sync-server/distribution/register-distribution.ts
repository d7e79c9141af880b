import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TokenVerifier } from '../accounts/token-verifier.js';
import type { SqlStore } from '../storage/sql-store.js';
import { registerAppRoutes } from './app-routes.js';
import { AppShelf } from './app-shelf.js';
import { readPackKeys } from './pack-keys.js';
import { registerPackRoutes } from './pack-routes.js';
import { PackShelf } from './pack-shelf.js';

export interface DistributionOptions {
  store: SqlStore;
  tokens: TokenVerifier;
  dataDir: string;
  now: () => Date;
  dir?: string | undefined;
  packKeysDir?: string | undefined;
}

/** The distribution room of the class server: the pack feed and the app-update feed. */
export async function registerDistribution(app: FastifyInstance, options: DistributionOptions): Promise<void> {
  const dir = options.dir ?? join(options.dataDir, 'distribution');
  const keysDir = options.packKeysDir ?? join(options.dataDir, 'pack-keys');
  const shelf = new PackShelf(options.store, dir, () => readPackKeys(keysDir), options.now);
  await registerPackRoutes(app, { shelf, tokens: options.tokens });
  await registerAppRoutes(app, { shelf: new AppShelf(dir), tokens: options.tokens });
}
