import { homedir } from 'node:os';
import { createLogger } from '../../infra/log/logger.js';
import { createCore } from '../core/create-core.js';
import type { Core } from '../core/create-core.js';
import { resolveDataDir } from '../core/host/data-dir.js';
import type { InstallLayout } from '../core/host/install-layout.js';

export interface GlobalOptions {
  dataDir?: string;
}

/** Opens the core the way every CLI command needs it: data folder resolved, bundled packs in place. */
export function openCore(layout: InstallLayout, options: GlobalOptions, logLevel = 'warn'): Promise<Core> {
  return createCore({
    dataDir: resolveDataDir({
      flag: options.dataDir,
      env: process.env,
      platform: process.platform,
      homedir: homedir(),
    }),
    appVersion: layout.appVersion,
    bundledPacksDir: layout.bundledPacksDir,
    logger: createLogger('lionlearn', process.env.LIONLEARN_LOG_LEVEL ?? logLevel),
  });
}
