import { InvalidArgumentError } from 'commander';
import { text } from './i18n/cli-i18n.js';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(text('option-port-invalid'));
  }
  return port;
}
