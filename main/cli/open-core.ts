import { homedir } from 'node:os';
import type { Command } from 'commander';
import type { LearnApi } from '../../common/contract/api.js';
import { createApiClient, localizedBridge } from '../../common/contract/bridge.js';
import { createLogger } from '../../infra/log/logger.js';
import { createCore } from '../core/create-core.js';
import type { Core, CoreOptions } from '../core/create-core.js';
import { resolveDataDir } from '../core/host/data-dir.js';
import type { InstallLayout } from '../core/host/install-layout.js';
import { localBridge } from '../core/local-bridge.js';
import { askSecret } from './ask-secret.js';
import { text, translateCore } from './i18n/cli-i18n.js';
import { printError } from './terminal-output.js';

export interface GlobalOptions {
  dataDir?: string;
}

/** Opens the core the way every CLI command needs it: data folder resolved, bundled packs in place. */
export async function openCore(
  layout: InstallLayout,
  options: GlobalOptions,
  logLevel = 'warn',
  playground?: CoreOptions['playground'],
): Promise<Core> {
  const core = await createCore({
    dataDir: resolveDataDir({
      flag: options.dataDir,
      env: process.env,
      platform: process.platform,
      homedir: homedir(),
    }),
    appVersion: layout.appVersion,
    bundledPacksDir: layout.bundledPacksDir,
    runtimesDir: layout.runtimesDir,
    model: { trainerScript: layout.trainerScript },
    logger: createLogger('lionlearn', process.env.LIONLEARN_LOG_LEVEL ?? logLevel),
    ...(playground ? { playground } : {}),
  });
  if (core.recovery) {
    const { keptAs, learnersRecovered, eventsRecovered } = core.recovery;
    printError(
      text('database-recovered', {
        keptAs,
        profiles: text('profiles', { count: learnersRecovered }),
        events: text('progress-events', { count: eventsRecovered }),
      }),
    );
  }
  return core;
}

/** The API over a core, its sentences in the CLI's language (what the window does for the app). */
const api = (core: Core): LearnApi => createApiClient(localizedBridge(localBridge(core), translateCore));

/** Runs one command against a core opened for it, through the same validated path as the other faces. */
export async function withApi<T>(
  layout: InstallLayout,
  command: Command,
  run: (api: LearnApi, onEvent: Core['onEvent']) => Promise<T>,
): Promise<T> {
  const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
  try {
    return await run(api(core), core.onEvent);
  } finally {
    await core.close();
  }
}

const askAdminPassword = () =>
  askSecret(text('admin-password-prompt'), 'LIONLEARN_ADMIN_PASSWORD', text('admin-password-missing'));

/**
 * Runs an admin command: with the admin password (LIONLEARN_ADMIN_PASSWORD, else asked on the
 * terminal) when one is set. Without one, the CLI's user owns the data folder and goes ahead,
 * with a note on how to protect the machine. The session ends with the command.
 */
export async function withAdmin<T>(
  layout: InstallLayout,
  command: Command,
  run: (api: LearnApi, session: string, core: Core) => Promise<T>,
): Promise<T> {
  const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
  try {
    const client = api(core);
    let session: string;
    if ((await client.getAdminStatus()).passwordSet) {
      ({ session } = await client.unlockAdmin({ password: await askAdminPassword() }));
    } else {
      session = core.ownerSession();
      printError(text('admin-no-password-note'));
    }
    try {
      return await run(client, session, core);
    } finally {
      await client.lockAdmin({ session });
    }
  } finally {
    await core.close();
  }
}
