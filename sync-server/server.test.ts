import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { SECRET_FILE } from './accounts/token-secret.js';
import { createSyncServer } from './server.js';
import { SERVER_DATABASE_FILE } from './storage/open-server-store.js';
import { serverSchema } from './storage/server-schema.js';
import { login, registerAccount, startTestServer } from './testing/test-server.js';

const logger = pino({ level: 'silent' });

describe('sync server', () => {
  it('keeps its SQLite file in the data folder and answers health and readiness', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'sync-')), 'nested');
    const server = await createSyncServer({ dataDir, logger });
    try {
      expect(existsSync(join(dataDir, SERVER_DATABASE_FILE))).toBe(true);
      const health = await server.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.json()).toEqual({ status: 'ready', schemaVersion: serverSchema.at(-1)!.version });
    } finally {
      await server.app.close();
    }
  });

  it('answers /readyz with 503 when the store cannot be reached', async () => {
    const server = await startTestServer();
    try {
      await server.store.close();
      const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unavailable' });
    } finally {
      await server.app.close();
    }
  });

  it('generates a token secret once, readable only by its owner, so sessions survive a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sync-'));
    const first = await createSyncServer({ dataDir, logger });
    const secretFile = join(dataDir, SECRET_FILE);
    const secret = readFileSync(secretFile, 'utf8');
    let refreshToken: string;
    let accessToken: string;
    try {
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      expect(secret.length).toBeGreaterThanOrEqual(32);
      await registerAccount(first.app, 'ada@example.org');
      ({ accessToken, refreshToken } = await login(first.app, 'ada@example.org'));
    } finally {
      await first.app.close();
    }
    const second = await createSyncServer({ dataDir, logger });
    try {
      expect(readFileSync(secretFile, 'utf8')).toBe(secret);
      expect((await second.tokens.verify(accessToken)).role).toBe('learner');
      const refreshed = await second.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken } });
      expect(refreshed.statusCode).toBe(200);
    } finally {
      await second.app.close();
    }
  });

  it('refuses a short secret, and PostgreSQL without a shared secret, before touching any database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sync-'));
    await expect(createSyncServer({ dataDir, logger, tokenSecret: 'too short' })).rejects.toThrow(/at least 32/);
    await expect(
      createSyncServer({ dataDir, logger, databaseUrl: 'postgres://nobody@127.0.0.1:1/none' }),
    ).rejects.toThrow(/LIONLEARN_SERVER_SECRET/);
    await expect(
      createSyncServer({ dataDir, logger, databaseUrl: 'mysql://x', tokenSecret: 'x'.repeat(32) }),
    ).rejects.toThrow(/postgres:\/\//);
    expect(existsSync(join(dataDir, SERVER_DATABASE_FILE))).toBe(false);
  });
});
