import { InvalidArgumentError } from 'commander';
import { text } from './i18n/cli-i18n.js';

// Parsers for options that take numbers. commander's refusal names the option and the value, and the reason
// comes from the catalog; a bare `Number` let "abc" through as NaN to a later, vaguer check.

/** "0,3" as "0.3": the German help writes decimals with a comma, so a German admin types them that way. */
const decimal = (value: string) => Number(value.trim().replace(/^([+-]?\d*),(\d+)$/, '$1.$2'));

export function parseNumber(value: string): number {
  const number = decimal(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new InvalidArgumentError(text('option-number-invalid'));
  return number;
}

/** A count, a seed, a size: a whole number. */
export function parseWholeNumber(value: string): number {
  const number = decimal(value);
  if (value.trim() === '' || !Number.isSafeInteger(number)) {
    throw new InvalidArgumentError(text('option-whole-number-invalid'));
  }
  return number;
}

/** How many of something to run at once: at least one. */
export function parsePositiveWhole(value: string): number {
  const number = parseWholeNumber(value);
  if (number < 1) throw new InvalidArgumentError(text('option-positive-whole-invalid'));
  return number;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(text('option-port-invalid'));
  }
  return port;
}
