import { join } from 'node:path';

export const DATA_DIR_ENV = 'LIONLEARN_DATA_DIR';
const APP_FOLDER = 'Lionagi Learn';

export interface DataDirInputs {
  flag?: string | undefined;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
}

/**
 * Where learner data lives: --data-dir, else LIONLEARN_DATA_DIR, else the OS app-data folder.
 * The OS folder matches Electron's app.getPath('userData'), so the desktop app and the
 * CLI on one machine share one data folder.
 */
export function resolveDataDir({ flag, env, platform, homedir }: DataDirInputs): string {
  if (flag) return flag;
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return fromEnv;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir, '.config'), APP_FOLDER);
}
