import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { ROOT, startProcess } from '../../e2e/support/processes.js';

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

/**
 * Starts the built server on `port` (0: any free one, read from its log) over `dataDir`, and resolves
 * once /readyz answers (listening comes before the storage is open).
 */
export async function startServerProcess(dataDir: string, port: number, flags: string[] = []): Promise<ServerProcess> {
  const { child, match } = await startProcess(
    [SERVER_SCRIPT, '--port', String(port), '--data-dir', dataDir, ...flags],
    /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
  );
  const exited = new Promise<void>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
  );
  const kill = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const origin = match[1]!;
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`the server at ${origin} was not ready`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { origin, port: Number(new URL(origin).port), child, exited, kill };
}

/** `admin create` of the built server, as an operator makes the first admin (the password through the environment). */
export function createFirstAdmin(dataDir: string, email: string, password: string): void {
  execFileSync(
    process.execPath,
    [SERVER_SCRIPT, 'admin', 'create', '--email', email, '--password-env', 'PW', '--data-dir', dataDir],
    { cwd: ROOT, env: { ...process.env, PW: password } },
  );
}
