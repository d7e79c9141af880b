import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import type { LearnEvent } from '../../common/contract/events.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { createCore } from '../core/create-core.js';
import type { Core } from '../core/create-core.js';
import { EventHub } from '../core/event-hub.js';
import { startWebServer } from './web-server.js';
import type { RunningWebServer, WebServerOptions } from './web-server.js';

/** 32 characters and more, as the server demands. */
export const TEST_TOKEN = 'test-token-0123456789-abcdefghijklmnop';

/** Beside the renderer folder and inside it as a dotfile: what the static route must never serve. */
export const OUTSIDE_SECRET = 'secret-outside-the-renderer';

export interface WebServerFixture {
  core: Core;
  rendererDir: string;
  server: RunningWebServer;
  base: string;
  /** A hub the test can fire; the socket forwards it like the core's own events. */
  events: EventHub<LearnEvent>;
  close(): Promise<void>;
}

/** The real browser face on loopback over a fresh core and a tiny renderer folder. */
export async function startWebServerFixture(
  options: Partial<Omit<WebServerOptions, 'core' | 'rendererDir'>> = {},
): Promise<WebServerFixture> {
  const root = mkdtempSync(join(tmpdir(), 'web-face-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lionagi Learn</title>');
  writeFileSync(join(rendererDir, '.env'), OUTSIDE_SECRET);
  writeFileSync(join(root, 'secret.txt'), OUTSIDE_SECRET);
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'web-')),
    appVersion: '1.0.0',
    bundledPacksDir: dirname(writePackFixture()),
    logger: pino({ level: 'silent' }),
  });
  const events = new EventHub<LearnEvent>();
  const onEvent = (listener: (event: LearnEvent) => void) => {
    const offCore = core.onEvent(listener);
    const offTest = events.subscribe(listener);
    return () => (offCore(), offTest());
  };
  const server = await startWebServer({
    core: { ...core, onEvent },
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    token: TEST_TOKEN,
    ...options,
  }).catch((error: unknown) => {
    core.close();
    throw error;
  });
  return {
    core,
    rendererDir,
    server,
    events,
    base: `http://127.0.0.1:${server.port}`,
    close: async () => {
      await server.close();
      core.close();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request with the path sent byte for byte (fetch would normalise dot segments and
 * encodings, which is exactly what an attacker does not do).
 */
export function rawRequest(
  port: number,
  {
    method = 'GET',
    path,
    headers = {},
    body,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ agent: false, host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    // A WebSocket handshake that succeeds answers 101 and hands over the socket: close it at once.
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
    });
    req.on('error', reject);
    req.end(body);
  });
}
