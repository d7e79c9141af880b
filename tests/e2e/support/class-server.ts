import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startProcess, tempDir } from './processes.js';
import type { Started } from './processes.js';

export const PASSWORD = 'correct horse battery';
const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/;

/** A JSON call to the class server; a refusal throws with the server's answer. No body: a GET. */
export async function callServer(
  url: string,
  body?: unknown,
  token?: string,
  method = body === undefined ? 'GET' : 'POST',
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

export interface ClassServer {
  server: Started;
  url: string;
  /** Registers an account with PASSWORD; a teacher is promoted by the server's admin. */
  register(email: string, displayName: string, role?: 'teacher'): Promise<void>;
  signIn(email: string): Promise<string>;
}

/**
 * The built sync server on a fresh data folder, with an admin made by its own CLI as a school would; `packKeys`
 * (public keys) go into its pack-keys folder, the keys it accepts packs from.
 */
export async function startClassServer(prefix: string, packKeys: string[] = []): Promise<ClassServer> {
  const dataDir = tempDir(prefix);
  mkdirSync(join(dataDir, 'pack-keys'));
  for (const [i, key] of packKeys.entries()) writeFileSync(join(dataDir, 'pack-keys', `key-${i}.pub`), key);
  execFileSync(
    process.execPath,
    [
      'dist/sync-server/server.js',
      'admin',
      'create',
      '--email',
      'head@school.example',
      '--password-env',
      'PW',
      '--data-dir',
      dataDir,
    ],
    { cwd: ROOT, env: { ...process.env, PW: PASSWORD } },
  );
  const server = await startProcess(['dist/sync-server/server.js', '--port', '0', '--data-dir', dataDir], LISTENING);
  const url = server.match[1]!;
  const signIn = async (email: string) =>
    String((await callServer(`${url}/auth/login`, { email, password: PASSWORD })).accessToken);
  const adminToken = await signIn('head@school.example');
  return {
    server,
    url,
    signIn,
    async register(email, displayName, role) {
      const account = await callServer(`${url}/auth/register`, { email, password: PASSWORD, displayName });
      if (role) {
        await callServer(`${url}/admin/accounts/${String(account.accountId)}/role`, { role }, adminToken, 'PUT');
      }
    },
  };
}
