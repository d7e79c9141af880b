import { isAbsolute, join, normalize, relative } from 'node:path';

/** The renderer loads from app://lionlearn/ rather than file://, so it has a real origin. */
export const APP_SCHEME = 'app';
const APP_HOST = 'lionlearn';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    // Compared by parts: outside Electron, URL gives a custom scheme the origin "null".
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Maps an app:// request to a file of the built renderer, or undefined when it would leave it. */
export function resolveAppFile(rendererDir: string, url: string): string | undefined {
  if (!isAppUrl(url)) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const file = normalize(join(rendererDir, pathname === '/' ? 'index.html' : pathname));
  const rel = relative(rendererDir, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : file;
}
