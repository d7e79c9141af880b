import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';

/**
 * Why a pack is refused, as a catalog message: the app and the CLI say it in the reader's language
 * (the English text, unchanged, stays the error's message for logs and for tests that match it).
 */
export class PackReason extends Error {
  constructor(
    readonly reason: Said,
    options?: ErrorOptions,
  ) {
    super(reason.text, options);
    this.name = 'PackReason';
  }
}

/** The reason an error gives: its own catalog message, or its text as it is (a system error's words). */
export const reasonOf = (error: unknown): Said =>
  error instanceof PackReason
    ? error.reason
    : say('pack-problem-detail', { detail: error instanceof Error ? error.message : String(error) });
