import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { newAccessToken } from '../../web/web-access.js';
import { startWebServer } from '../../web/web-server.js';
import { openCore } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { parsePort } from '../parse-port.js';
import { print } from '../terminal-output.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** When the port is taken, take any free one instead of failing (npm start). */
  anyPortIfTaken?: boolean;
}

const isPortTaken = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

/** Runs the browser face until Ctrl+C or SIGTERM, then closes cleanly. */
export async function serve(layout: InstallLayout, globals: GlobalOptions, options: ServeOptions): Promise<void> {
  const core = await openCore(layout, globals);
  const token = process.env.LIONLEARN_WEB_TOKEN ?? newAccessToken();
  const listen = (port: number) =>
    startWebServer({ core, rendererDir: layout.rendererDir, host: options.host, port, token });
  const server = await listen(options.port).catch((error: unknown) => {
    if (options.anyPortIfTaken && isPortTaken(error)) return listen(0);
    void core.close();
    if (isPortTaken(error))
      throw new Error(`port ${options.port} is taken; choose another with --port (0 picks a free one)`);
    throw error;
  });
  void core.warmUpPlayground();
  core.startSync();
  print(`Lionagi Learn is running at ${server.url}`);
  print('Open that link in a browser (it carries this session’s access token). Press Ctrl+C to stop.');
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
    .description('serve the app to a browser on this machine (the browser face)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 4780)
    .option(
      '--host <address>',
      'address to listen on; anything but loopback exposes the app to the network',
      '127.0.0.1',
    )
    .action(async (options: ServeOptions, command: Command) => {
      await serve(layout, command.optsWithGlobals<GlobalOptions>(), options);
    });
}
