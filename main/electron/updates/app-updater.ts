import { dialog } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../../../infra/log/logger.js';
import { CHECK_EVERY_MS, nextCheckInMs, restartPrompt, updateFeedUrl } from './update-policy.js';

/** How often the app looks whether a class server is known yet and a check is due. */
const TICK_MS = 60 * 60 * 1000;

/**
 * App updates from the class server's electron-updater "generic" feed: checked on start and daily once a server
 * is known (a linked profile's), downloaded in the background (electron-updater applies the staged rollout and
 * checks each installer's SHA-512 from the feed), then the learner is asked before a restart. The decisions are
 * the pure, tested functions of update-policy.ts; this file only hands them to Electron (verified on paper only:
 * the Electron binary cannot run on the test machines).
 */
export function startAppUpdates(serverUrl: () => Promise<string | null>, logger: Logger): () => void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  let lastCheck: number | null = null;
  let feed: string | null = null;
  autoUpdater.on('error', (error: Error) => logger.warn({ err: error }, 'app update failed; trying again later'));
  autoUpdater.on('update-downloaded', (info: { version: string }) => {
    void dialog.showMessageBox(restartPrompt(info.version)).then(({ response }) => {
      if (response === 0) autoUpdater.quitAndInstall();
    });
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
