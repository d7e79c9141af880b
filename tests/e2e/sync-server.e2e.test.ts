import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProcess, tempDir } from './support/processes.js';

describe('the sync server process', () => {
  it('boots with --port and --data-dir, keeps SQLite there, answers /healthz, and stops on SIGTERM', async () => {
    const dataDir = tempDir('server-');
    const server = await startProcess(
      ['dist/sync-server/server.js', '--port', '0', '--data-dir', dataDir],
      /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
    );
    try {
      const response = await fetch(`${server.match[1]}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      expect(existsSync(join(dataDir, 'sync.db'))).toBe(true);
    } finally {
      await server.stop();
    }
    expect(server.child.exitCode).toBe(0);
  });
});
