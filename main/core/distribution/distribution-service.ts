import type { LearnService } from '../../../common/contract/api.js';
import type { DistributionStatus } from '../../../common/contract/distribution.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { InstallResult } from '../../../common/contract/packs.js';
import type { EventHub } from '../event-hub.js';
import { installFolder } from './folder-install.js';
import { findServers } from './server-discovery.js';
import type { DiscoveryOptions } from './server-discovery.js';
import type { PackPuller } from './pack-puller.js';

export type DistributionApi = Pick<
  LearnService,
  'getDistributionStatus' | 'pullPacksNow' | 'installPackFolder' | 'findClassServers'
>;

/** The app's side of distribution: the class server's feed (status, pull now) and a folder of packs. */
export function createDistributionService(deps: {
  puller: PackPuller;
  install: (file: string, onBytes: (bytes: number, total: number) => void) => Promise<InstallResult>;
  events: EventHub<LearnEvent>;
  discovery?: DiscoveryOptions | undefined;
}): DistributionApi {
  const { puller, install, events } = deps;
  return {
    findClassServers: async () => findServers(deps.discovery),
    getDistributionStatus: async () => puller.status(),
    pullPacksNow: async (): Promise<DistributionStatus> => puller.pullOnce(),
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
