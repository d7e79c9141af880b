import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { accessTokenProblem, isLoopback, newAccessToken } from '../../web/web-access.js';
import { exposureRefusal, lanWarning } from '../../web/web-exposure.js';
import { startWebServer } from '../../web/web-server.js';
import { openCore } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { parsePort } from '../option-values.js';
import { saidHere, text } from '../i18n/cli-i18n.js';
import { print, printError } from '../terminal-output.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** Listening beyond loopback is an explicit choice: without it a non-loopback --host is refused. */
  allowLan?: boolean;
  /** When the port is taken, take any free one instead of failing (npm start). */
  anyPortIfTaken?: boolean;
}

const isPortTaken = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

/** The token from LIONLEARN_WEB_TOKEN when set (refused when weak), else a fresh random one. */
function accessToken(): string {
  const chosen = process.env.LIONLEARN_WEB_TOKEN;
  if (chosen === undefined) return newAccessToken();
  const problem = accessTokenProblem(chosen);
  if (problem) throw new Error(text('serve-token-refused', { problem }));
  return chosen;
}

/** Runs the browser face until Ctrl+C or SIGTERM, then closes cleanly. */
export async function serve(layout: InstallLayout, globals: GlobalOptions, options: ServeOptions): Promise<void> {
  const allowLan = options.allowLan ?? false;
  // Refused before anything opens, so nothing listens even for a moment.
  const refusal = exposureRefusal(options.host, allowLan);
  if (refusal) throw new Error(saidHere(refusal));
  const token = accessToken();
  const core = await openCore(layout, globals);
  const listen = (port: number) =>
    startWebServer({ core, rendererDir: layout.rendererDir, host: options.host, port, token, allowLan });
  const server = await listen(options.port).catch((error: unknown) => {
    if (options.anyPortIfTaken && isPortTaken(error)) return listen(0);
    void core.close();
    if (isPortTaken(error)) throw new Error(text('serve-port-taken', { port: String(options.port) }));
    throw error;
  });
  void core.warmUpPlayground();
  core.startSync();
  if (!isLoopback(options.host)) printError(lanWarning(options.host, server.port, token, saidHere));
  print(text('serve-running', { url: server.url }));
  print(text('serve-open-link'));
  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export function registerServe(program: Command, layout: InstallLayout): void {
  program
    .command('serve')
    .description(text('help-serve'))
    .option('--port <n>', text('help-serve-port'), parsePort, 4780)
    .option('--host <address>', text('help-serve-host'), '127.0.0.1')
    .option('--allow-lan', text('help-serve-allow-lan'))
    .action(async (options: ServeOptions, command: Command) => {
      await serve(layout, command.optsWithGlobals<GlobalOptions>(), options);
    });
}
