import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

export interface Started {
  child: ChildProcess;
  match: RegExpExecArray;
  stop(): Promise<void>;
}

/** Starts a built program and waits until a line of its output matches `ready`. */
export function startProcess(args: string[], ready: RegExp, timeoutMs = 30_000): Promise<Started> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LIONLEARN_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out waiting for ${ready}; output so far:\n${output}`));
    }, timeoutMs);
    let started = false;
    const onData = (chunk: Buffer) => {
      // Once ready the output is still drained (a full pipe would stall the child) but no longer kept.
      if (started) return;
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        started = true;
        clearTimeout(timer);
        resolvePromise({ child, match, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Runs a built CLI command to the end and returns what it printed; `input`, if given, is piped to its stdin. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/lionlearn.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}
