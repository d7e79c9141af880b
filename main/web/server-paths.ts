import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';

/**
 * Calls that name a file on the machine the app runs on (`installPack`, `importLearner`,
 * `exportLearner` take `file`). The desktop face gets such a path from the OS file dialog; a browser
 * page has none to give (it uploads packs instead, and exports go to the data folder), and with
 * --allow-lan the page may be on another machine. A path from it would let whoever has the link read
 * any file this user can, and write one anywhere: an export renamed over ~/.bashrc runs the profile
 * name's `$(...)` at the next shell.
 */
export function serverPathRefusal(method: string, input: unknown): Said | undefined {
  // `folder` (installPackFolder) names a folder on this machine just as `file` names a file.
  const named = typeof input === 'object' && input !== null && ['file', 'folder'].some((k) => Object.hasOwn(input, k));
  if (!named) return undefined;
  return say('web-no-server-paths', { method });
}
