import type { LearnService } from '../../../common/contract/api.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { EventHub } from '../event-hub.js';
import type { PackInstaller } from './pack-installer.js';
import type { TrustStore } from './trust-store.js';

export type PackService = Pick<
  LearnService,
  | 'listPacks'
  | 'installPack'
  | 'removePack'
  | 'activatePackVersion'
  | 'listTrustedKeys'
  | 'addTrustedKey'
  | 'removeTrustedKey'
>;

/** Installing, switching and removing packs, and the keys they must be signed with. */
export function createPackService(
  installer: PackInstaller,
  trust: TrustStore,
  events: EventHub<LearnEvent>,
): PackService {
  const changed = () => events.emit({ type: 'catalog-changed' });
  return {
    listPacks: async () => installer.list(),
    installPack: async ({ file, allowDowngrade }) => {
      const result = await installer.installFile(file, {
        allowDowngrade,
        onProgress: ({ bytes, total }) => events.emit({ type: 'pack-install-progress', file, bytes, total }),
      });
      if (result.status === 'installed') changed();
      return result;
    },
    removePack: async ({ packId }) => {
      await installer.remove(packId);
      changed();
      return null;
    },
    activatePackVersion: async ({ packId, version }) => {
      await installer.activate(packId, version);
      changed();
      return null;
    },
    listTrustedKeys: async () => trust.list(),
    addTrustedKey: async ({ publicKey, label }) => trust.add(publicKey, label),
    removeTrustedKey: async ({ keyId }) => {
      trust.remove(keyId);
      return null;
    },
  };
}
