import { hostname } from 'node:os';
import { Bonjour } from 'bonjour-service';
import { DISCOVERY_SERVICE_TYPE } from '../../common/contract/distribution.js';

/**
 * Options passed to multicast-dns (under bonjour-service). The default is the LAN's mDNS group; tests pass a
 * loopback transport instead (see tests/support/loopback-mdns.ts).
 */
export type MdnsTransport = Record<string, unknown>;

export interface Announcement {
  stop(): Promise<void>;
}

/**
 * Announces the class server on the LAN with mDNS/DNS-SD (`_lionlearn._tcp`), so the apps of a lab list it
 * without anyone typing an address. The TXT record carries the path of the pack feed and the schema version.
 */
export function announceServer({
  port,
  name = `Lionagi Learn class server on ${hostname()}`,
  version,
  transport,
  onError,
}: {
  port: number;
  name?: string;
  version: string;
  transport?: MdnsTransport;
  onError?: (error: Error) => void;
}): Announcement {
  const bonjour = new Bonjour(transport ?? {}, (error: Error) => onError?.(error));
  bonjour.publish({ name, type: DISCOVERY_SERVICE_TYPE, port, txt: { version }, disableIPv6: true });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        // The goodbye packets go out first, so the apps drop the server from their lists at once.
        bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
      }),
  };
}
