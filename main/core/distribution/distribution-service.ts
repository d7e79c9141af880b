import { say } from '../../../common/i18n/message.js';
import type { LearnService } from '../../../common/contract/api.js';
import type { DistributionStatus } from '../../../common/contract/distribution.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { InstallResult } from '../../../common/contract/packs.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { SyncAccount } from '../../../common/contract/sync-wire.js';
import type { EventHub } from '../event-hub.js';
import { installFolder } from './folder-install.js';
import { publishPackFile, ServerRefused } from './publish-pack.js';
import { findServers } from './server-discovery.js';
import type { DiscoveryOptions } from './server-discovery.js';
import type { PackPuller } from './pack-puller.js';

export type DistributionApi = Pick<
  LearnService,
  'getDistributionStatus' | 'pullPacksNow' | 'installPackFolder' | 'findClassServers' | 'publishPack'
>;

/** The app's side of distribution: the class server's feed (status, pull now) and a folder of packs. */
export function createDistributionService(deps: {
  puller: PackPuller;
  install: (file: string, onBytes: (bytes: number, total: number) => void) => Promise<InstallResult>;
  events: EventHub<LearnEvent>;
  discovery?: DiscoveryOptions | undefined;
  /** The learner a session names (the profile whose linked account publishes). */
  learnerOf: (session: string) => string;
  /** The class server a learner is linked to, a live access token and the account's role (the sync service's). */
  signedIn: (learnerId: string) => Promise<{ serverUrl: string; accessToken: string; role: SyncAccount['role'] }>;
}): DistributionApi {
  const { puller, install, events } = deps;
  return {
    findClassServers: async () => findServers(deps.discovery),
    getDistributionStatus: async () => puller.status(),
    pullPacksNow: async (): Promise<DistributionStatus> => puller.pullOnce(),
    // The machine admin's gate (admin-gate.ts) has let this call through; the server account must be an admin too.
    publishPack: async ({ learnerSession, file }) => {
      const { serverUrl, accessToken, role } = await deps.signedIn(deps.learnerOf(learnerSession));
      // The server refuses too; saying it here names the reason in words an admin can act on, and uploads nothing.
      if (role !== 'admin') {
        throw new LearnError('forbidden', say('publish-not-admin', { server: serverUrl, role }));
      }
      try {
        return await publishPackFile(serverUrl, accessToken, file, (bytes, total) =>
          events.emit({ type: 'pack-publish-progress', bytes, total }),
        );
      } catch (error) {
        // The server's refusal (an untrusted key, not a pack) or a cut connection: the admin's to read, not a bug.
        if (error instanceof ServerRefused)
          throw new LearnError('invalid-input', say('publish-refused', { server: serverUrl, reason: error.said }));
        throw new LearnError(
          'unavailable',
          say('publish-refused', { server: serverUrl, reason: (error as Error).message }),
        );
      }
    },
    installPackFolder: async ({ folder }) => {
      const summary = await installFolder(folder, { install }, (progress) =>
        events.emit({ type: 'pack-folder-progress', ...progress }),
      );
      if (summary.items.some((i) => i.status === 'installed' || i.status === 'upgraded')) {
        events.emit({ type: 'catalog-changed' });
      }
      return summary;
    },
  };
}
