import { isAppUrl } from './app-protocol.js';

export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** Only the app's own top-level page may call the API; never a subframe or a page it navigated to. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return Boolean(frame) && frame!.parent === null && isAppUrl(frame!.url);
}
