import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { FoundServer } from '../../common/contract/distribution.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';
import { announceServer } from '../../sync-server/distribution/announce.js';
import type { Announcement } from '../../sync-server/distribution/announce.js';
import { loopbackMdns } from '../support/loopback-mdns.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

describe('finding class servers on the LAN (mDNS/DNS-SD, on loopback)', { timeout: 30_000 }, () => {
  it('lists every announcing server by the address that answered, and forgets one that stopped', async () => {
    const port = 42_000 + Math.floor(Math.random() * 10_000);
    const announce = (name: string, serverPort: number): Announcement => {
      const a = announceServer({ port: serverPort, name, version: '80', transport: loopbackMdns(port) });
      cleanup.push(() => a.stop());
      return a;
    };
    const lab1 = announce('Lab 1 server', 4781);
    announce('Lab 2 server', 4782);
    const core: Core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'discovery-app-')),
      appVersion: '1.0.0',
      logger: pino({ level: 'silent' }),
      discovery: { waitMs: 1_500, transport: () => loopbackMdns(port) },
    });
    cleanup.push(() => core.close());
    const found: FoundServer[] = await core.api.findClassServers(undefined);
    expect(found).toEqual([
      { name: 'Lab 1 server', url: 'http://127.0.0.1:4781', version: '80' },
      { name: 'Lab 2 server', url: 'http://127.0.0.1:4782', version: '80' },
    ]);

    await lab1.stop();
    expect((await core.api.findClassServers(undefined)).map((s) => s.name)).toEqual(['Lab 2 server']);
  });
});
