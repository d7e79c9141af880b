import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, startProcess, tempDir } from './support/processes.js';

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

  it('creates the first admin with `admin create`, who then signs in to the running server', async () => {
    const dataDir = tempDir('server-');
    const printed = execFileSync(
      process.execPath,
      [
        'dist/sync-server/server.js',
        'admin',
        'create',
        '--email',
        'Head@School.example',
        '--password-env',
        'ADMIN_PW',
        '--data-dir',
        dataDir,
      ],
      { cwd: ROOT, env: { ...process.env, ADMIN_PW: 'first admin passphrase' }, encoding: 'utf8' },
    );
    expect(printed).toMatch(/Admin head@school\.example created/);

    const server = await startProcess(
      ['dist/sync-server/server.js', '--port', '0', '--data-dir', dataDir],
      /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
    );
    try {
      const response = await fetch(`${server.match[1]}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'head@school.example', password: 'first admin passphrase' }),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { account: { role: string } }).account.role).toBe('admin');
    } finally {
      await server.stop();
    }
  });
});
