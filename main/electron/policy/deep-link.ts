import { contentIdSchema } from '../../../common/contract/content.js';
import { APP_ENTRY } from './app-protocol.js';

/** `lionlearn://lesson/<pack>/<item>` and `lionlearn://exercise/<pack>/<item>` open that lesson or exercise. */
export const DEEP_LINK_SCHEME = 'lionlearn';

const SCREENS = { lesson: 'lessons', exercise: 'exercises' } as const;

/**
 * The app:// address a deep link opens, or undefined for anything else. A deep link comes from any web page or
 * document on the machine, so only these two shapes with a well-formed content id pass: no other screen, no
 * query, no path outside the app (the answer is always under APP_ENTRY).
 */
export function deepLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${DEEP_LINK_SCHEME}:` || parsed.search || parsed.hash || parsed.username) return undefined;
  const kind = parsed.host as keyof typeof SCREENS;
  if (!Object.hasOwn(SCREENS, kind)) return undefined;
  const contentId = contentIdSchema.safeParse(parsed.pathname.replace(/^\//, ''));
  // Only the canonical spelling: no dot segments or escapes that URL parsing would quietly resolve.
  if (!contentId.success || url !== `${DEEP_LINK_SCHEME}://${kind}/${contentId.data}`) return undefined;
  return `${APP_ENTRY}#/${SCREENS[kind]}/${contentId.data}`;
}

/** The deep link a second start of the app was given (Windows and Linux pass it on the command line). */
export function deepLinkInArgv(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    if (arg.startsWith(`${DEEP_LINK_SCHEME}://`)) return deepLinkTarget(arg);
  }
  return undefined;
}
