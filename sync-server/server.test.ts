import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createSyncServer, SERVER_DATABASE_FILE } from './server.js';

describe('sync server', () => {
  it('keeps its SQLite file in the data folder and answers health and readiness', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'sync-')), 'nested');
    const server = createSyncServer({ dataDir, logger: pino({ level: 'silent' }) });
    try {
      expect(existsSync(join(dataDir, SERVER_DATABASE_FILE))).toBe(true);
      const health = await server.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await server.inject({ method: 'GET', url: '/readyz' });
      expect(ready.json()).toEqual({ status: 'ready', schemaVersion: 10 });
    } finally {
      await server.close();
    }
  });
});
