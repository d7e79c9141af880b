// The desktop face's update logic as pure functions (no `electron` import), so CI checks it without the Electron
// binary; main.ts hands their answers to electron-updater's autoUpdater.
import { DISTRIBUTION_PATHS } from '../../../common/contract/distribution.js';
import type { Translate } from '../../../common/i18n/localize.js';
import { say } from '../../../common/i18n/message.js';
import { APP_NAME } from '../app-identity.js';
import { english, speaker } from '../shell-language.js';

export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

/** electron-updater's generic provider reads `<url>/latest[-platform].yml` and the installers beside it. */
export function updateFeedUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${DISTRIBUTION_PATHS.appFeed}`;
}

/**
 * The channel file electron-updater's generic provider reads on this platform (Provider.getDefaultChannelName):
 * latest.yml on Windows, latest-mac.yml on macOS, latest-linux[-arch].yml on Linux. The same one is checked for
 * its signature after a download.
 */
export function channelFileFor(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'linux') return `latest-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
  return platform === 'darwin' ? 'latest-mac.yml' : 'latest.yml';
}

/** On start, then once a day: the delay until the next check. */
export function nextCheckInMs(lastCheckedAt: number | null, now: number): number {
  if (lastCheckedAt === null) return 0;
  return Math.max(0, lastCheckedAt + CHECK_EVERY_MS - now);
}

/**
 * electron-updater's staged rollout rule (AppUpdater.isStagingMatch): the last 4 bytes of this installation's
 * random staging id as a share of 2^32-1, below the release's percentage. Kept here so the rollout an admin sets
 * is predictable: 0 reaches nobody, 100 everybody, and raising it never drops an app that was in.
 */
export function withinRollout(stagingUserId: string, stagingPercentage: number | undefined): boolean {
  if (stagingPercentage === undefined || !Number.isFinite(stagingPercentage)) return true;
  const hex = stagingUserId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) return true;
  const share = parseInt(hex.slice(24, 32), 16) / 0xffffffff;
  return share < stagingPercentage / 100;
}

export type UpdateDecision =
  { kind: 'up-to-date' } | { kind: 'outside-rollout'; version: string } | { kind: 'download'; version: string };

/** What a check found means for this app. */
export function decideUpdate(
  currentVersion: string,
  offered: { version: string; stagingPercentage?: number },
  stagingUserId: string,
  isNewer: (a: string, b: string) => boolean,
): UpdateDecision {
  if (!isNewer(offered.version, currentVersion)) return { kind: 'up-to-date' };
  if (!withinRollout(stagingUserId, offered.stagingPercentage)) {
    return { kind: 'outside-rollout', version: offered.version };
  }
  return { kind: 'download', version: offered.version };
}

/** The question after a verified download: restart now, or on the next quit (never without asking). */
export function restartPrompt(
  version: string,
  translate: Translate = english,
): {
  type: 'question';
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
} {
  const words = speaker(translate);
  return {
    type: 'question',
    message: words(say('update-ready', { app: APP_NAME, version })),
    detail: words(say('update-ready-detail')),
    buttons: [words(say('update-restart-now')), words(say('update-later'))],
    defaultId: 0,
    cancelId: 1,
  };
}

/**
 * What the machine admin is told when a downloaded update fails its check (it is not installed; nothing for the
 * learner to do). Once per version and reason, as each daily check downloads it again.
 */
export function refusedUpdateNotice(
  version: string,
  reason: string,
  translate: Translate = english,
): { title: string; body: string } {
  const words = speaker(translate);
  return {
    title: words(say('update-refused', { version })),
    // The reason stays the check's English: it is for the admin and the log.
    body: words(say('update-refused-body', { reason })),
  };
}
