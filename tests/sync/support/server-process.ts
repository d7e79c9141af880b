import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { ROOT } from '../../e2e/support/processes.js';

/** The built server (`npm run build`), as an operator runs it. */
const SERVER_SCRIPT = 'dist/sync-server/server.js';

export interface ServerProcess {
  origin: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process is gone. */
  exited: Promise<void>;
  /** Sends `signal` and resolves when the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts the built server on `port` (0: any free one, read from its log) over `dataDir`, and resolves
 * once /readyz answers. The end of its log is kept for the failure message.
 */
export function startServerProcess(dataDir: string, port: number, flags: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_SCRIPT, '--port', String(port), '--data-dir', dataDir, ...flags], {
    cwd: ROOT,
    env: { ...process.env, LIONLEARN_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const kill = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearInterval(poll);
      void kill('SIGKILL');
      reject(new Error(`${message}; server output:\n${output}`));
    };
    const deadline = Date.now() + 30_000;
    let origin: string | undefined;
    let asking = false;
    const poll = setInterval(() => {
      if (child.exitCode !== null || child.signalCode !== null) return fail(`the server exited (${child.exitCode})`);
      if (Date.now() > deadline) return fail('the server was not ready within 30 s');
      origin ??= /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!origin || asking) return;
      asking = true;
      void answers(`${origin}/readyz`).then((ok) => {
        asking = false;
        if (!ok || child.exitCode !== null) return;
        clearInterval(poll);
        resolve({ origin: origin!, port: Number(new URL(origin!).port), child, exited, kill });
      });
    }, 10);
  });
}
