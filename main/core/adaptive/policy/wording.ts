/**
 * How the adaptive engine hands numbers to its sentences (the sentences themselves are catalog messages,
 * common/i18n/messages): a share as a whole percentage, which each language places with its own sign.
 */
export const percentOf = (p: number) => Math.round(p * 100);
