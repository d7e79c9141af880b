import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir.js';

describe('resolveDataDir', () => {
  const home = '/home/ada';

  it('prefers the --data-dir flag over the environment', () => {
    const env = { LIONLEARN_DATA_DIR: '/from/env' };
    expect(resolveDataDir({ flag: '/from/flag', env, platform: 'linux', homedir: home })).toBe('/from/flag');
    expect(resolveDataDir({ env, platform: 'linux', homedir: home })).toBe('/from/env');
  });

  it.each([
    ['linux', {}, '/home/ada/.config/Lionagi Learn'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/Lionagi Learn'],
    ['darwin', {}, '/home/ada/Library/Application Support/Lionagi Learn'],
    ['win32', { APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'C:/Users/ada/AppData/Roaming/Lionagi Learn'],
  ] as const)('uses the OS app-data folder on %s', (platform, env, expected) => {
    expect(resolveDataDir({ env, platform, homedir: home })).toBe(expected);
  });
});
