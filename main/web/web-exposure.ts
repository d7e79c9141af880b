import { networkInterfaces } from 'node:os';
import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { isLoopback, urlHost } from './web-access.js';

/**
 * Why the browser face may not listen on `host`, or undefined when it may. Beyond loopback every
 * learner's progress is one link away from anyone on the network, so it takes an explicit choice.
 */
export function exposureRefusal(host: string, allowLan: boolean): Said | undefined {
  // An empty address means every address to Node: never by accident.
  if (host.trim() === '') return say('web-host-needs-address');
  if (isLoopback(host) || allowLan) return undefined;
  return say('web-host-exposed', { host });
}

const isUnspecified = (host: string) => ['0.0.0.0', '::', '[::]'].includes(host);

/** The links other machines can open: this machine's own addresses when listening on all of them. */
function lanLinks(host: string, port: number, token: string): string[] {
  const addresses = isUnspecified(host)
    ? Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && !a.internal && (host.includes(':') || a.family === 'IPv4'))
        .map((a) => a!.address)
    : [host];
  return addresses.map((address) => `http://${urlHost(address)}:${port}/#token=${token}`);
}

/**
 * What the person who chose --allow-lan must read: what is exposed, to whom, and how. `speak` says a
 * message in the reader's language (English by default).
 */
export function lanWarning(
  host: string,
  port: number,
  token: string,
  speak: (said: Said) => string = (said) => said.text,
): string {
  const links = lanLinks(host, port, token);
  return [
    speak(say('web-lan-warning', { address: `${host}:${port}` })),
    ...(links.length > 0 ? [speak(say('web-lan-links')), ...links.map((link) => `  ${link}`)] : []),
  ].join('\n');
}
