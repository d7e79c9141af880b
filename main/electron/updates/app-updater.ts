import { dialog } from 'electron';
import electronUpdater from 'electron-updater';
import type { Translate } from '../../../common/i18n/localize.js';
import type { Logger } from '../../../infra/log/logger.js';
import { english } from '../shell-language.js';
import { verifyDownloadedUpdate } from '../../core/distribution/app-release-signature.js';
import type { UpdateVerdict } from '../../core/distribution/app-release-signature.js';
import {
  channelFileFor,
  CHECK_EVERY_MS,
  nextCheckInMs,
  refusedUpdateNotice,
  restartPrompt,
  updateFeedUrl,
} from './update-policy.js';

/** How often the app looks whether a class server is known yet and a check is due. */
const TICK_MS = 60 * 60 * 1000;

export interface AppUpdateOptions {
  /** The class server a linked profile knows, if any. */
  serverUrl: () => Promise<string | null>;
  /** The keys this machine's admins trust (the core's trust store), read at each check of a download. */
  trustedKeys: () => ReadonlyMap<string, string>;
  /** Tells the machine admin a download was refused (a system notification). */
  tellAdmin: (notice: { title: string; body: string }) => void;
  /** The words of the prompt and the notice, in the language the open profiles chose (shell-language.ts). */
  translate?: () => Translate;
  logger: Logger;
}

/**
 * App updates from the class server's electron-updater "generic" feed: checked on start and daily once a server
 * is known (a linked profile's), downloaded in the background (electron-updater applies the staged rollout and
 * checks the installer's SHA-512 against the channel file). That channel file comes from whichever server a
 * profile is linked to, over plain HTTP, so it proves nothing: nothing installs on quit, and a download is
 * offered for a restart only once verifyDownloadedUpdate found the channel file signed by a key this machine
 * trusts and naming the downloaded file. The decisions are pure, tested functions; this file only hands them to
 * Electron (main-wiring.test.ts runs it against a stand-in: the Electron binary cannot run on the test machines).
 */
export function startAppUpdates({
  serverUrl,
  trustedKeys,
  tellAdmin,
  translate = () => english,
  logger,
}: AppUpdateOptions): () => void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  let lastCheck: number | null = null;
  let feed: string | null = null;
  /** The newest download: a restart installs only if it is still the file that was verified. */
  let latestDownload: string | null = null;
  const told = new Set<string>();
  autoUpdater.on('error', (error: Error) => logger.warn({ err: error }, 'app update failed; trying again later'));
  autoUpdater.on('update-downloaded', (event: { version: string; downloadedFile: string }) => {
    latestDownload = event.downloadedFile;
    const from = feed;
    const check: Promise<UpdateVerdict> = from
      ? verifyDownloadedUpdate(
          {
            feedUrl: from,
            channel: channelFileFor(process.platform, process.arch),
            version: event.version,
            file: event.downloadedFile,
          },
          trustedKeys(),
        ).catch((error: unknown) => ({ ok: false, reason: `it could not be checked (${String(error)})` }))
      : Promise.resolve({ ok: false, reason: 'no class server feed is known' });
    void check
      .then(async (verdict) => {
        if (!verdict.ok) {
          logger.warn({ version: event.version, feed: from, reason: verdict.reason }, 'app update refused');
          const said = `${event.version}\n${verdict.reason}`;
          if (!told.has(said)) tellAdmin(refusedUpdateNotice(event.version, verdict.reason, translate()));
          told.add(said);
          return;
        }
        logger.info({ version: event.version, keyId: verdict.keyId }, 'app update verified');
        const { response } = await dialog.showMessageBox(restartPrompt(event.version, translate()));
        if (response === 0 && latestDownload === event.downloadedFile) autoUpdater.quitAndInstall();
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'app update: the restart prompt failed'));
  });
  const tick = async () => {
    const url = await serverUrl().catch(() => null);
    if (!url || nextCheckInMs(lastCheck, Date.now()) > 0) return;
    const wanted = updateFeedUrl(url);
    if (wanted !== feed) autoUpdater.setFeedURL({ provider: 'generic', url: wanted });
    feed = wanted;
    lastCheck = Date.now();
    await autoUpdater.checkForUpdates().catch((error: unknown) => logger.info({ err: error }, 'no app update check'));
  };
  void tick();
  const timer = setInterval(() => void tick(), Math.min(TICK_MS, CHECK_EVERY_MS));
  return () => clearInterval(timer);
}
