import { Bonjour } from 'bonjour-service';
import { DISCOVERY_SERVICE_TYPE } from '../../../common/contract/distribution.js';
import type { FoundServer } from '../../../common/contract/distribution.js';

/** multicast-dns options: the LAN's mDNS group by default, a loopback transport in tests. */
export type MdnsTransport = Record<string, unknown>;

const DEFAULT_WAIT_MS = 2_000;

/**
 * Listens for class servers announcing themselves (`_lionlearn._tcp`) for `waitMs` and lists them by the
 * address that answered, which is one this machine can reach. The manual address stays the fallback where
 * multicast does not cross the network (guest Wi-Fi, some switches).
 */
export interface DiscoveryOptions {
  waitMs?: number;
  /** A fresh transport for each search (its socket closes with the search). */
  transport?: () => MdnsTransport;
}

export function findServers({ waitMs = DEFAULT_WAIT_MS, transport }: DiscoveryOptions = {}): Promise<FoundServer[]> {
  return new Promise((resolve) => {
    const found = new Map<string, FoundServer>();
    const bonjour = new Bonjour(transport?.() ?? {}, () => undefined);
    const browser = bonjour.find({ type: DISCOVERY_SERVICE_TYPE }, (service) => {
      const address = service.referer?.address;
      if (!address || !Number.isInteger(service.port)) return;
      const host = address.includes(':') ? `[${address}]` : address;
      const url = `http://${host}:${service.port}`;
      const txt = (service.txt ?? {}) as Record<string, unknown>;
      found.set(url, {
        name: String(service.name).slice(0, 200),
        url,
        version: typeof txt.version === 'string' ? txt.version.slice(0, 40) : null,
      });
    });
    setTimeout(() => {
      browser.stop();
      bonjour.destroy(() => resolve([...found.values()].sort((a, b) => a.name.localeCompare(b.name))));
    }, waitMs);
  });
}
