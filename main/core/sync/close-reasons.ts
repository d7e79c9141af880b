import { SYNC_CLOSE } from '../../../common/contract/sync-wire.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';

/**
 * What the learner is told after the server closed a sync socket, by the close's code (defined once in
 * common/contract/sync-wire.ts), in their language. The reason string the server sends along is English for
 * its log; it is never shown.
 */
const REASONS: Partial<Record<number, () => Said>> = {
  [SYNC_CLOSE.restart]: () => say('sync-reason-restart'),
  [SYNC_CLOSE.auth]: () => say('sync-reason-auth'),
  [SYNC_CLOSE.stateTooLarge]: () => say('sync-reason-too-large'),
  [SYNC_CLOSE.tooLarge]: () => say('sync-reason-too-large'),
  [SYNC_CLOSE.badFrame]: () => say('sync-reason-bad-frame'),
  [SYNC_CLOSE.slowReader]: () => say('sync-reason-slow'),
  [SYNC_CLOSE.tooManySockets]: () => say('sync-reason-too-many'),
  [SYNC_CLOSE.internal]: () => say('sync-reason-server-error'),
  [SYNC_CLOSE.noAccount]: () => say('sync-reason-no-account'),
  [SYNC_CLOSE.forbidden]: () => say('sync-reason-forbidden'),
};

/**
 * Why the sync retries: ours by the close's code; a code this app does not know (a newer server) is named by
 * its number; a close without a code of the server's (1005/1006) is a lost connection.
 */
export function closeReason(code: number): Said {
  const known = REASONS[code]?.();
  if (known) return known;
  return code >= 4000 || code === 1008 || code === SYNC_CLOSE.internal
    ? say('sync-reason-code', { code: String(code) })
    : say('sync-reason-lost');
}
