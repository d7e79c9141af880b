import { randomUUID } from 'node:crypto';
import { UUID } from 'builder-util-runtime';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { Provider } from 'electron-updater/out/providers/Provider.js';
import {
  channelFileFor,
  CHECK_EVERY_MS,
  decideUpdate,
  nextCheckInMs,
  refusedUpdateNotice,
  restartPrompt,
  updateFeedUrl,
  withinRollout,
} from './update-policy.js';
import { shellTranslators } from '../shell-language.js';

/** electron-updater's AppUpdater.isStagingMatch, with its own UUID parser. */
const electronUpdaterSays = (id: string, percentage: number) =>
  UUID.parse(id).readUInt32BE(12) / 0xffffffff < percentage / 100;

describe('the desktop update policy', () => {
  it('decides the staged rollout exactly as electron-updater does, 0 nobody, 100 everybody, monotonic', () => {
    const ids = Array.from({ length: 2000 }, () => randomUUID());
    for (const percentage of [0, 1, 10, 25, 50, 99, 100]) {
      for (const id of ids) expect(withinRollout(id, percentage)).toBe(electronUpdaterSays(id, percentage));
    }
    expect(ids.filter((id) => withinRollout(id, 0))).toEqual([]);
    expect(ids.every((id) => withinRollout(id, 100))).toBe(true);
    for (const id of ids) if (withinRollout(id, 10)) expect(withinRollout(id, 50)).toBe(true);
    const share = ids.filter((id) => withinRollout(id, 25)).length / ids.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
  });

  it('checks on start and then once a day', () => {
    expect(nextCheckInMs(null, 1_000)).toBe(0);
    expect(nextCheckInMs(1_000, 1_000)).toBe(CHECK_EVERY_MS);
    expect(nextCheckInMs(0, CHECK_EVERY_MS + 5)).toBe(0);
  });

  it('downloads only a newer version inside the rollout, and asks before restarting', () => {
    const inside = '00000000-0000-4000-8000-000000000000';
    const outside = '00000000-0000-4000-8000-ffffffffffff';
    const newer = (a: string, b: string) => semver.gt(a, b);
    expect(decideUpdate('1.2.0', { version: '1.2.0' }, inside, newer)).toEqual({ kind: 'up-to-date' });
    expect(decideUpdate('1.2.0', { version: '1.1.0' }, inside, newer)).toEqual({ kind: 'up-to-date' });
    expect(decideUpdate('1.2.0', { version: '1.3.0', stagingPercentage: 50 }, inside, newer)).toEqual({
      kind: 'download',
      version: '1.3.0',
    });
    expect(decideUpdate('1.2.0', { version: '1.3.0', stagingPercentage: 50 }, outside, newer)).toEqual({
      kind: 'outside-rollout',
      version: '1.3.0',
    });
    expect(restartPrompt('1.3.0')).toMatchObject({ buttons: ['Restart now', 'Later'], cancelId: 1 });
    expect(updateFeedUrl('http://10.0.0.5:4781/')).toBe('http://10.0.0.5:4781/distribution/app');
  });

  it('checks the signature of the channel file electron-updater reads on this platform', () => {
    // electron-updater's own choice (Provider.getDefaultChannelName), for each platform on this machine's arch.
    const electronUpdaterReads = (platform: string) =>
      `${(Reflect.construct(Provider, [{ platform }]) as { getDefaultChannelName(): string }).getDefaultChannelName()}.yml`;
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(channelFileFor(platform, process.arch)).toBe(electronUpdaterReads(platform));
    }
    expect(channelFileFor('linux', 'arm64')).toBe('latest-linux-arm64.yml');
  });

  it('tells the machine admin why an update was not installed', () => {
    expect(refusedUpdateNotice('1.3.0', 'it is not signed')).toEqual({
      title: 'App update 1.3.0 not installed',
      body: "For the machine admin: the class server offered it, but it is not signed. Details are in the app's log.",
    });
    // In the language the open profile chose.
    const german = shellTranslators()('de');
    expect(refusedUpdateNotice('1.3.0', 'it is not signed', german).title).toBe('App-Update 1.3.0 nicht installiert');
    expect(restartPrompt('1.3.0', german)).toMatchObject({
      message: 'Lionagi Learn 1.3.0 ist bereit',
      buttons: ['Jetzt neu starten', 'Später'],
    });
  });
});
