import type { LearnService } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import type { EventHub } from '../event-hub.js';
import type { PackInstaller } from './pack-installer.js';
import type { ShippedPacks } from './shipped-packs.js';
import type { TrustStore } from './trust-store.js';

export type PackService = Pick<
  LearnService,
  | 'listPacks'
  | 'installPack'
  | 'removePack'
  | 'activatePackVersion'
  | 'listShippedPacks'
  | 'restoreShippedPack'
  | 'getContentVersion'
  | 'listTrustedKeys'
  | 'addTrustedKey'
  | 'removeTrustedKey'
>;

/** Installing, switching and removing packs, and the keys they must be signed with. */
export function createPackService(
  installer: PackInstaller,
  trust: TrustStore,
  shipped: ShippedPacks,
  events: EventHub<LearnEvent>,
): PackService {
  const changed = () => events.emit({ type: 'catalog-changed' });
  return {
    listPacks: async () => installer.list(),
    installPack: async ({ file, allowDowngrade, replaceKey }) => {
      const result = await installer.installFile(file, {
        allowDowngrade,
        replaceKey: replaceKey === true,
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
    listShippedPacks: async () => shipped.list(),
    restoreShippedPack: async ({ packId }) => {
      const result = await shipped.restore(packId);
      changed();
      return result;
    },
    getContentVersion: async ({ contentId, version }) => {
      const [packId, localId] = contentId.split('/') as [string, string];
      const pack = await installer.loadVersion(packId, version);
      const text = (path: string) => pack.files.get(path)?.toString('utf8') ?? '';
      const modules = pack.manifest.modules;
      const lesson = modules.flatMap((m) => m.lessons).find((l) => l.id === localId);
      if (lesson)
        return {
          contentId,
          kind: 'lesson',
          packId,
          version: pack.manifest.version,
          title: lesson.title,
          body: text(lesson.file),
        };
      const exercise = modules.flatMap((m) => m.exercises).find((e) => e.id === localId);
      if (exercise) {
        const body = `${text(`${exercise.dir}/prompt.md`)}\n\n${text(`${exercise.dir}/starter.py`)}`;
        return { contentId, kind: 'exercise', packId, version: pack.manifest.version, title: exercise.title, body };
      }
      throw new LearnError(
        'not-found',
        say('pack-item-unknown', { version: pack.manifest.version, pack: packId, item: localId }),
      );
    },
    listTrustedKeys: async () => trust.list(),
    addTrustedKey: async ({ publicKey, label }) => trust.add(publicKey, label),
    removeTrustedKey: async ({ keyId }) => {
      trust.remove(keyId);
      return null;
    },
  };
}
