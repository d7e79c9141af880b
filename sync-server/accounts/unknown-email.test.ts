import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncServer } from '../server.js';
import { PASSWORD, registerAccount, request, startTestServer } from '../testing/test-server.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hashing.js';

// Timing is not asserted (tests hold no clocks); the work is: how many scrypt runs a sign-in costs is what its
// timing shows, so an unknown email must cost exactly what a known one with a wrong password does.

let server: SyncServer;
afterEach(async () => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
  await server.app.close();
});

/** Counts the scrypt runs (the real ones still run) that `work` starts. */
async function scryptRuns(work: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(crypto, 'scrypt');
  syncBuiltinESMExports();
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
    syncBuiltinESMExports();
  }
}

const signIn = (email: string, password: string) =>
  request(server.app, 'POST', '/auth/login', { body: { email, password } });

describe('sign-in with an email that has no account', () => {
  it('costs the same one scrypt run as a known email with a wrong password, from the first attempt on', async () => {
    server = await startTestServer();
    await registerAccount(server.app, 'ada@example.org');
    const unknown = await scryptRuns(() => signIn('nobody@example.org', PASSWORD));
    const known = await scryptRuns(() => signIn('ada@example.org', 'not the password'));
    expect(known).toBe(1);
    expect(unknown).toBe(known);
    expect(await scryptRuns(() => signIn('nobody-else@example.org', PASSWORD))).toBe(known);
  });

  it('is checked against a decoy of the same cost as a real hash, which no password matches', async () => {
    const real = await hashPassword(PASSWORD);
    const decoy = decoyPasswordHash();
    const shape = (hash: string) => hash.replace(/\$[^$]+\$[^$]+$/, (parts) => parts.replace(/[^$]/g, 'x'));
    expect(shape(decoy)).toBe(shape(real));
    expect(decoyPasswordHash()).not.toBe(decoy);
    expect(await verifyPassword(PASSWORD, decoy)).toBe(false);
    expect(await verifyPassword('', decoy)).toBe(false);
  });
});
