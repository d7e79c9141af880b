import { networkInterfaces } from 'node:os';
import { isLoopback, urlHost } from './web-access.js';

/**
 * Why the browser face may not listen on `host`, or undefined when it may. Beyond loopback every
 * learner's progress is one link away from anyone on the network, so it takes an explicit choice.
 */
export function exposureRefusal(host: string, allowLan: boolean): string | undefined {
  // An empty address means every address to Node: never by accident.
  if (host.trim() === '') return '--host needs an address (127.0.0.1, or with --allow-lan 0.0.0.0 for every one)';
  if (isLoopback(host) || allowLan) return undefined;
  return (
    `--host ${host} would open the app to the network; it listens on loopback (127.0.0.1) unless you ` +
    'add --allow-lan, which lets anyone on the network who has the link read and change every learner.'
  );
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

/** What the person who chose --allow-lan must read: what is exposed, to whom, and how. */
export function lanWarning(host: string, port: number, token: string): string {
  const links = lanLinks(host, port, token);
  return [
    `WARNING: --allow-lan: the app listens on ${host}:${port}, beyond this machine.`,
    "Anyone on the network who has the link can read and change every learner's progress, install",
    'packs and run code exercises here. Traffic is plain HTTP: the link, its token and all progress cross',
    'the network unencrypted, readable by anyone who can watch it. Use it only on a network you trust,',
    'share the link only with the people who should have it, and press Ctrl+C to stop.',
    ...(links.length > 0 ? ['From other machines open:', ...links.map((link) => `  ${link}`)] : []),
  ].join('\n');
}
