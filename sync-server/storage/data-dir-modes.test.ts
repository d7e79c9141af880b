import { chmodSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_FILE } from '../accounts/token-secret.js';
import { createAdminAccount } from '../server.js';
import type { SyncServer } from '../server.js';
import { registerAccount, startTestServer } from '../testing/test-server.js';
import { SERVER_DATABASE_FILE } from './open-server-store.js';

// The usual umask, under which SQLite's and Node's default modes let every user of the machine read the files.
let umask: number;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});

const servers: SyncServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0).reverse()) await server.app.close();
});

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const PRIVATE_FILES = [SECRET_FILE, SERVER_DATABASE_FILE, `${SERVER_DATABASE_FILE}-wal`, `${SERVER_DATABASE_FILE}-shm`];

/** A logger that keeps what is logged at warn and above. */
function warnings() {
  const lines: { msg: string; file?: string; from?: string; to?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, sink), lines };
}

/** A started server with an account, so the database has written its WAL, and what it logged at warn and above. */
async function start(dataDir: string) {
  const { logger, lines } = warnings();
  const server = await startTestServer({ dataDir, logger });
  servers.push(server);
  await registerAccount(server.app, `learner${servers.length}@example.org`);
  return { server, logged: lines };
}

describe('the data folder of a SQLite server', () => {
  it('is created owner-only, with the database, its WAL and SHM files and the secret', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'data-dir-modes-')), 'new', 'server-data');
    const { logged } = await start(dataDir);
    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(join(dataDir, '..'))).toBe('700');
    for (const name of PRIVATE_FILES) {
      expect(existsSync(join(dataDir, name)), name).toBe(true);
      expect({ name, mode: modeOf(join(dataDir, name)) }).toEqual({ name, mode: '600' });
    }
    expect(logged).toEqual([]);
  });

  it('makes files that others could read or write owner-only at start, and says so in the log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'data-dir-modes-'));
    // An older server left everything readable (and the WAL group-writable), and is still running: its WAL and
    // SHM exist when the next start opens the folder.
    await start(dataDir);
    const loose: Record<string, number> = {
      [SECRET_FILE]: 0o644,
      [SERVER_DATABASE_FILE]: 0o644,
      [`${SERVER_DATABASE_FILE}-wal`]: 0o664,
      [`${SERVER_DATABASE_FILE}-shm`]: 0o666,
    };
    for (const [name, mode] of Object.entries(loose)) chmodSync(join(dataDir, name), mode);

    const { logged } = await start(dataDir);
    for (const name of PRIVATE_FILES) {
      expect({ name, mode: modeOf(join(dataDir, name)) }).toEqual({ name, mode: '600' });
    }
    const tightened = logged.filter((line) => /made owner-only/.test(line.msg));
    expect(
      tightened.map(({ file, from, to }) => ({ file, from, to })).sort((a, b) => a.file!.localeCompare(b.file!)),
    ).toEqual(
      Object.entries(loose)
        .map(([name, mode]) => ({ file: join(dataDir, name), from: mode.toString(8), to: '600' }))
        .sort((a, b) => a.file.localeCompare(b.file)),
    );
  });

  it('keeps an owner-only file as it is, read-only included, and logs nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'data-dir-modes-'));
    await start(dataDir);
    chmodSync(join(dataDir, SECRET_FILE), 0o400);
    const { logged } = await start(dataDir);
    expect(modeOf(join(dataDir, SECRET_FILE))).toBe('400');
    expect(logged).toEqual([]);
  });

  it('is made owner-only by `admin create` as well, which may be the first to touch it', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'data-dir-modes-')), 'server-data');
    const admin = { email: 'head@example.org', password: 'a long admin passphrase', displayName: 'Head' };
    await createAdminAccount({ dataDir, logger: pino({ level: 'silent' }) }, admin);
    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(join(dataDir, SERVER_DATABASE_FILE))).toBe('600');

    chmodSync(join(dataDir, SERVER_DATABASE_FILE), 0o644);
    const { logger, lines } = warnings();
    await createAdminAccount({ dataDir, logger }, { ...admin, email: 'second@example.org' });
    expect(modeOf(join(dataDir, SERVER_DATABASE_FILE))).toBe('600');
    expect(lines).toMatchObject([{ msg: expect.stringMatching(/made owner-only/), from: '644', to: '600' }]);
  });
});
