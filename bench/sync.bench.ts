// npm run bench -- sync: our sync server (the built dist/sync-server/server.js, SQLite storage, tokens,
// acks) against the reference y-websocket server (@y/websocket-server, in memory, no persistence, no auth),
// each a separate process on loopback, one after the other. BENCH_CLIENTS devices (1,000), two per
// document, in BENCH_WORKERS client processes (2): the time until all are synced; device-to-device update
// latency over BENCH_ROUNDS rounds (10) in which every document's writer sets a value at a random moment
// of a one-second window; our ack latency; server memory per idle connection (after a full GC, delta over
// the connections, document state included); a reconnect storm (every socket dropped at once, then
// reconnected); and the server's event-loop delay and CPU time during the updates. BENCH_STORE=postgres
// runs ours on a throwaway PostgreSQL (the district setup) instead of SQLite. `npm run build` first.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort, startPostgres } from '../tests/support/pg-redis.js';
import { runClients } from './sync-clients.js';
import type { Command, Pair, Reply } from './sync-clients.js';
import { startServer } from './sync-servers.js';
import type { Load, Memory, ServerProcess } from './sync-servers.js';
import { FIXED_DOCS } from '../common/contract/sync-docs.js';
import type { DocKey } from '../common/contract/sync-docs.js';
import type { SyncTokens } from '../common/contract/sync-wire.js';
import { runBench } from './bench-run.js';
import type { BenchTemp } from './bench-run.js';
import { repoPath } from './repo-root.js';
import { formatSpread, median, percentile, printTable, spreadOf, within } from './stats.js';
import type { Row, Spread } from './stats.js';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = knob('BENCH_CLIENTS', 1000);
const WORKERS = knob('BENCH_WORKERS', 2);
const ROUNDS = knob('BENCH_ROUNDS', 10);
const WINDOW_MS = 1000;
const STORE = process.env.BENCH_STORE ?? 'sqlite';
const OUR_SERVER = repoPath('dist', 'sync-server', 'server.js');
const REFERENCE_SERVER = repoPath('node_modules', '@y', 'websocket-server', 'src', 'server.js');
/** The longest one step of the clients (connecting all, the rounds, the storm) may take. */
const STEP_TIMEOUT_MS = 5 * 60_000;
/** Memory readings per measure, a little apart: one reading moves with the collector. */
const MEMORY_SAMPLES = 5;
// prefs, notes, inbox and one progress term: four documents per learner account.
const DOCS_PER_ACCOUNT: DocKey[] = [...FIXED_DOCS, 'progress/2026-1'];
const PASSWORD = 'bench-password-1';

interface Measured {
  syncMs: number;
  updateMs: number[];
  ackMs: number[];
  lost: number;
  acksMissing: number;
  rssPerConnection: Spread;
  heapPerConnection: Spread;
  stormMs: number;
  /** The server during the update rounds. */
  load: Load;
}

/** The client processes: the pairs dealt round-robin, one command at a time to all of them. */
async function startWorkers(pairs: Pair[]) {
  const workers: ChildProcess[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const worker = fork(process.argv[1] as string, ['clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await within('a client process starting', 30_000, () => new Promise((done) => worker.once('message', done)));
    workers.push(worker);
  }
  const ask = (command: (i: number) => Command) =>
    within(`the clients' "${command(0).type}"`, STEP_TIMEOUT_MS, () =>
      Promise.all(
        workers.map(
          (worker, i) =>
            new Promise<Reply>((done, reject) => {
              worker.once('message', (reply: Reply) =>
                reply.type === 'failed' ? reject(new Error(reply.message)) : done(reply),
              );
              worker.send(command(i));
            }),
        ),
      ),
    );
  const timed = async (command: (i: number) => Command) => {
    const start = performance.now();
    const replies = await ask(command);
    return { ms: performance.now() - start, replies };
  };
  return {
    connect: () => timed((i) => ({ type: 'connect', pairs: pairs.filter((_, p) => p % WORKERS === i) })),
    write: () => timed(() => ({ type: 'write', rounds: ROUNDS, windowMs: WINDOW_MS })),
    reconnect: () => timed(() => ({ type: 'reconnect' })),
    close: () => ask(() => ({ type: 'close' })),
  };
}

/** Per connection, in KB: each idle reading against the median of the readings before the clients came. */
const perConnection = (before: Memory[], idle: Memory[], key: keyof Memory): Spread => {
  const base = median(before.map((m) => m[key]));
  return spreadOf(idle.map((m) => (m[key] - base) / CLIENTS / 1024));
};

async function memorySamples(server: ServerProcess): Promise<Memory[]> {
  const samples: Memory[] = [];
  for (let i = 0; i < MEMORY_SAMPLES; i++) {
    if (i > 0) await new Promise((done) => setTimeout(done, 200));
    samples.push(await server.memory());
  }
  return samples;
}

async function measure(server: ServerProcess, pairs: Pair[]): Promise<Measured> {
  const before = await memorySamples(server);
  const workers = await startWorkers(pairs);
  const { ms: syncMs } = await workers.connect();
  await new Promise((done) => setTimeout(done, 2000));
  const idle = await memorySamples(server);
  await server.resetLoad();
  const { replies } = await workers.write();
  const load = await server.load();
  const written = replies.filter((r) => r.type === 'written');
  const { ms: stormMs } = await workers.reconnect();
  await workers.close();
  return {
    syncMs,
    updateMs: written.flatMap((r) => r.updateMs),
    ackMs: written.flatMap((r) => r.ackMs),
    lost: written.reduce((sum, r) => sum + r.lost, 0),
    acksMissing: written.reduce((sum, r) => sum + r.acksMissing, 0),
    rssPerConnection: perConnection(before, idle, 'rss'),
    heapPerConnection: perConnection(before, idle, 'heapUsed'),
    stormMs,
    load,
  };
}

async function post<T>(origin: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Learner accounts through the real routes (register, then log in), a few at a time: scrypt is slow on purpose. */
async function ourPairs(origin: string, count: number): Promise<Pair[]> {
  const accounts = Math.ceil(count / DOCS_PER_ACCOUNT.length);
  const sessions: { accountId: string; token: string }[] = [];
  for (let i = 0; i < accounts; i += 4) {
    const batch = Array.from({ length: Math.min(4, accounts - i) }, async (_, j) => {
      const email = `bench-${i + j}@example.org`;
      await post(origin, '/auth/register', { email, password: PASSWORD, displayName: `Bench ${i + j}` });
      const login = await post<SyncTokens>(origin, '/auth/login', {
        email,
        password: PASSWORD,
      });
      return { accountId: login.account.id, token: login.accessToken };
    });
    sessions.push(...(await Promise.all(batch)));
  }
  const ws = origin.replace('http', 'ws');
  return Array.from({ length: count }, (_, p) => {
    const { accountId, token } = sessions[Math.floor(p / DOCS_PER_ACCOUNT.length)] as (typeof sessions)[number];
    const url = `${ws}/sync/u/${accountId}/${DOCS_PER_ACCOUNT[p % DOCS_PER_ACCOUNT.length]}?token=${token}&ack=1`;
    return { writer: url, reader: url };
  });
}

function referencePairs(origin: string, count: number): Pair[] {
  const ws = origin.replace('http', 'ws');
  return Array.from({ length: count }, (_, p) => {
    const url = `${ws}/u/${crypto.randomUUID()}/${DOCS_PER_ACCOUNT[p % DOCS_PER_ACCOUNT.length]}`;
    return { writer: url, reader: url };
  });
}

async function benchOurs(temp: BenchTemp): Promise<Measured> {
  const dataDir = temp.folder('bench-sync-');
  const postgres = STORE === 'postgres' ? await startPostgres() : undefined;
  const port = await freePort();
  const server = await startServer(
    OUR_SERVER,
    ['--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir],
    {
      LIONLEARN_LOG_LEVEL: 'warn',
      LIONLEARN_SERVER_AUTH_RATE_LIMIT: String(CLIENTS * 10),
      ...(postgres && { LIONLEARN_SERVER_DATABASE_URL: postgres.url, LIONLEARN_SERVER_SECRET: 'b'.repeat(48) }),
    },
    port,
    '/readyz',
  );
  try {
    const started = performance.now();
    const pairs = await ourPairs(server.origin, CLIENTS / 2);
    console.log(
      `ours: ${Math.ceil(CLIENTS / 2 / DOCS_PER_ACCOUNT.length)} accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return await measure(server, pairs);
  } finally {
    await server.stop();
    await postgres?.stop();
  }
}

async function benchReference(): Promise<Measured> {
  const port = await freePort();
  const server = await startServer(REFERENCE_SERVER, [], { HOST: '127.0.0.1', PORT: String(port) }, port, '/');
  try {
    return await measure(server, referencePairs(server.origin, CLIENTS / 2));
  } finally {
    await server.stop();
  }
}

async function main(temp: BenchTemp) {
  if (!existsSync(OUR_SERVER)) throw new Error(`${OUR_SERVER} is missing: run \`npm run build\` first.`);
  console.log(
    `${CLIENTS} devices on ${CLIENTS / 2} documents, ${WORKERS} client processes, ${ROUNDS} rounds, ours on ${STORE}`,
  );
  const ours = await benchOurs(temp);
  const reference = await benchReference();
  const p = (samples: number[], q: number) => percentile(samples, q);
  printTable(`sync: ${CLIENTS} devices, two per document, on loopback`, 'y-websocket-server', [
    { metric: `all ${CLIENTS} synced`, ours: ours.syncMs, baseline: reference.syncMs, unit: 'ms' },
    {
      metric: 'update device to device p50',
      ours: p(ours.updateMs, 50),
      baseline: p(reference.updateMs, 50),
      unit: 'ms',
    },
    {
      metric: 'update device to device p99',
      ours: p(ours.updateMs, 99),
      baseline: p(reference.updateMs, 99),
      unit: 'ms',
      target: '<= 50 ms',
    },
    ...ackRows(ours),
    {
      metric: `RSS per idle connection (median of ${MEMORY_SAMPLES})`,
      ours: ours.rssPerConnection.median,
      baseline: reference.rssPerConnection.median,
      unit: 'KB',
      target: '<= 50 KB',
    },
    {
      metric: `heap per idle connection (median of ${MEMORY_SAMPLES})`,
      ours: ours.heapPerConnection.median,
      baseline: reference.heapPerConnection.median,
      unit: 'KB',
    },
    { metric: `reconnect storm, all ${CLIENTS} synced`, ours: ours.stormMs, baseline: reference.stormMs, unit: 'ms' },
    { metric: 'server event-loop delay p99', ours: ours.load.loopP99, baseline: reference.load.loopP99, unit: 'ms' },
    { metric: 'server event-loop delay max', ours: ours.load.loopMax, baseline: reference.load.loopMax, unit: 'ms' },
    {
      metric: 'server CPU per update',
      ours: ours.load.cpuMs / Math.max(1, ours.updateMs.length),
      baseline: reference.load.cpuMs / Math.max(1, reference.updateMs.length),
      unit: 'ms',
    },
  ]);
  console.log(
    `updates measured: ours ${ours.updateMs.length} (${ours.lost} lost), reference ${reference.updateMs.length} ` +
      `(${reference.lost} lost); acks: ${ours.ackMs.length}` +
      (ours.acksMissing > 0 ? `, ${ours.acksMissing} never came (ack rows left out)` : ', all came'),
  );
  console.log(
    `per idle connection, KB, median (lowest - highest): RSS ours ${formatSpread(ours.rssPerConnection)}, ` +
      `reference ${formatSpread(reference.rssPerConnection)}; heap ours ${formatSpread(ours.heapPerConnection)}, ` +
      `reference ${formatSpread(reference.heapPerConnection)}`,
  );
}

/** Ack percentiles only over every ack: with some missing, the slowest would be left out of them. */
function ackRows(ours: Measured): Row[] {
  if (ours.acksMissing > 0 || ours.ackMs.length === 0) return [];
  return [
    { metric: 'ack (committed) p50', ours: percentile(ours.ackMs, 50), unit: 'ms' },
    { metric: 'ack (committed) p99', ours: percentile(ours.ackMs, 99), unit: 'ms' },
  ];
}

if (process.argv[2] === 'clients') {
  runClients();
  process.send?.({ type: 'ready' });
} else {
  await runBench(main);
}
