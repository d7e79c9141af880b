import { resolve } from 'node:path';
import { Command } from 'commander';
import { createLogger } from '../infra/log/logger.js';
import { createSyncServer } from './server.js';

const options = new Command('lionlearn-server')
  .description('Lionagi Learn sync server: progress sync, notifications, packs and updates for a classroom')
  .option('--port <n>', 'port to listen on', (v) => Number.parseInt(v, 10), Number(process.env.PORT ?? 4781))
  .option('--host <address>', 'address to listen on (0.0.0.0 for the whole LAN)', process.env.HOST ?? '127.0.0.1')
  .option(
    '--data-dir <dir>',
    'where the server keeps its SQLite database',
    process.env.LIONLEARN_SERVER_DATA_DIR ?? 'server-data',
  )
  .parse()
  .opts<{ port: number; host: string; dataDir: string }>();

const logger = createLogger('sync-server');
const server = createSyncServer({ dataDir: resolve(options.dataDir), logger });

const shutdown = (signal: string) => {
  logger.info({ signal }, 'shutting down');
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

await server.listen({ port: options.port, host: options.host });
