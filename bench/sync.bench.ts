// npm run bench -- sync: our sync server (the built dist/sync-server/server.js, SQLite storage, tokens,
// acks) against the two servers a user would pick instead, each a separate process on loopback:
// @y/websocket-server (in memory, no persistence, no auth) and Hocuspocus with its SQLite extension
// (persisted, default settings). Interleaved: BENCH_SERVER_ROUNDS rounds (3), each running all three in
// turn, so they share the machine's load. BENCH_CLIENTS devices (1,000), two per document, in BENCH_WORKERS
// client processes (2): the time until all are synced; device-to-device update latency (the relay) over
// BENCH_ROUNDS write rounds (10) in which every document's writer sets a value at a random moment of a
// one-second window; our ack latency (committed) beside Hocuspocus's time to persist; server memory per idle
// connection (after a full GC, delta over the connections, document state included; also with the compiled
// code left out, which is made once per function and comes and goes with V8's tiers); a reconnect storm
// (every socket dropped at once, then reconnected); and the server's event-loop delay and CPU time during
// the updates. Latencies pool every round's samples; the other rows are the median of the rounds.
// BENCH_STORE=postgres runs ours on a throwaway PostgreSQL (the district setup). BENCH_SERVERS=ours,websocket
// runs only those; BENCH_OURS_NODE_FLAGS passes Node flags to ours (`--cpu-prof --cpu-prof-dir=DIR` profiles it
// under the load). `npm run build` first.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startPostgres } from '../tests/support/pg-redis.js';
import { runClients } from './sync-clients.js';
import type { Command, Pair, Reply } from './sync-clients.js';
import { runHocuspocus } from './hocuspocus-server.js';
import { startServer } from './sync-servers.js';
import type { Load, Memory, ServerProcess } from './sync-servers.js';
import { FIXED_DOCS } from '../common/contract/sync-docs.js';
import type { DocKey } from '../common/contract/sync-docs.js';
import type { SyncTokens } from '../common/contract/sync-wire.js';
import { runBench } from './bench-run.js';
import type { BenchTemp } from './bench-run.js';
import { repoPath } from './repo-root.js';
import { formatSpread, median, percentile, spreadOf, within } from './stats.js';
import type { Spread } from './stats.js';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = knob('BENCH_CLIENTS', 1000);
const WORKERS = knob('BENCH_WORKERS', 2);
const ROUNDS = knob('BENCH_ROUNDS', 10);
const SERVER_ROUNDS = knob('BENCH_SERVER_ROUNDS', 3);
const WINDOW_MS = 1000;
const STORE = process.env.BENCH_STORE ?? 'sqlite';
const OTHER_SERVER = process.env.BENCH_OTHER_SERVER;
const OURS_NODE_FLAGS = process.env.BENCH_OURS_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
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
  heapObjectsPerConnection: Spread;
  stormMs: number;
  /** The server during the update rounds. */
  load: Load;
  /** Hocuspocus only: from a document's first unstored change to the store that covered it. */
  persistMs: number[];
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

async function measure(server: ServerProcess, pairs: Pair[], persisted = false): Promise<Measured> {
  const before = await memorySamples(server);
  const workers = await startWorkers(pairs);
  const { ms: syncMs } = await workers.connect();
  await new Promise((done) => setTimeout(done, 2000));
  const idle = await memorySamples(server);
  await server.resetLoad();
  const { replies } = await workers.write();
  const load = await server.load();
  const written = replies.filter((r) => r.type === 'written');
  // Hocuspocus stores after a debounce: wait for it, so every change's persistence is timed.
  if (persisted) await new Promise((done) => setTimeout(done, 12_000));
  const persistMs = persisted
    ? (await within('the persistence times', 30_000, () => server.ask<{ persistMs: number[] }>('persist'))).persistMs
    : [];
  const { ms: stormMs } = await workers.reconnect();
  await workers.close();
  return {
    persistMs,
    syncMs,
    updateMs: written.flatMap((r) => r.updateMs),
    ackMs: written.flatMap((r) => r.ackMs),
    lost: written.reduce((sum, r) => sum + r.lost, 0),
    acksMissing: written.reduce((sum, r) => sum + r.acksMissing, 0),
    rssPerConnection: perConnection(before, idle, 'rss'),
    heapPerConnection: perConnection(before, idle, 'heapUsed'),
    heapObjectsPerConnection: perConnection(before, idle, 'heapObjects'),
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

async function benchOurs(temp: BenchTemp, script = OUR_SERVER): Promise<Measured> {
  const dataDir = temp.folder('bench-sync-');
  const postgres = STORE === 'postgres' ? await startPostgres() : undefined;
  const port = await freePort();
  const server = await startServer(
    script,
    ['--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir],
    {
      LIONLEARN_LOG_LEVEL: 'warn',
      LIONLEARN_SERVER_AUTH_RATE_LIMIT: String(CLIENTS * 10),
      ...(postgres && { LIONLEARN_SERVER_DATABASE_URL: postgres.url, LIONLEARN_SERVER_SECRET: 'b'.repeat(48) }),
    },
    port,
    '/readyz',
    OURS_NODE_FLAGS,
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

function hocuspocusPairs(origin: string, count: number): Pair[] {
  const ws = origin.replace('http', 'ws');
  return Array.from({ length: count }, (_, p) => {
    const name = `u/${crypto.randomUUID()}/${DOCS_PER_ACCOUNT[p % DOCS_PER_ACCOUNT.length]}`;
    return { writer: ws, reader: ws, hocuspocus: name };
  });
}

async function benchHocuspocus(temp: BenchTemp): Promise<Measured> {
  const dataDir = temp.folder('bench-hocuspocus-');
  const port = await freePort();
  const script = process.argv[1] as string;
  const server = await startServer(script, ['hocuspocus', String(port), join(dataDir, 'db.sqlite')], {}, port, '/');
  try {
    return await measure(server, hocuspocusPairs(server.origin, CLIENTS / 2), true);
  } finally {
    await server.stop();
  }
}

const SERVERS = {
  ours: (temp: BenchTemp) => benchOurs(temp),
  websocket: (_temp: BenchTemp) => benchReference(),
  hocuspocus: benchHocuspocus,
  /** Another build of ours (BENCH_OTHER_SERVER=path/to/server.js), to weigh a change under the same load. */
  other: (temp: BenchTemp) => benchOurs(temp, OTHER_SERVER),
} as const;
type ServerName = keyof typeof SERVERS;
const ALL_SERVERS = (Object.keys(SERVERS) as ServerName[]).filter((name) => name !== 'other' || OTHER_SERVER);
const CHOSEN_SERVERS = process.env.BENCH_SERVERS
  ? ALL_SERVERS.filter((name) => process.env.BENCH_SERVERS!.split(',').includes(name))
  : ALL_SERVERS;

/** One row: each server's figure, and how ours compares with each. */
function printComparison(
  rows: { metric: string; unit: string; values: Record<ServerName, number | undefined>; target?: string }[],
) {
  const fmt = (n: number | undefined, unit: string) =>
    n === undefined || Number.isNaN(n) ? '' : `${n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 3)} ${unit}`;
  console.table(
    rows.map(({ metric, unit, values, target }) => ({
      metric,
      ours: fmt(values.ours, unit),
      'y-websocket (memory)': fmt(values.websocket, unit),
      'hocuspocus (sqlite)': fmt(values.hocuspocus, unit),
      ...(OTHER_SERVER && { 'other build of ours': fmt(values.other, unit) }),
      target: target ?? '',
    })),
  );
}

async function main(temp: BenchTemp) {
  if (!existsSync(OUR_SERVER)) throw new Error(`${OUR_SERVER} is missing: run \`npm run build\` first.`);
  console.log(
    `${CLIENTS} devices on ${CLIENTS / 2} documents, ${WORKERS} client processes, ${ROUNDS} write rounds, ` +
      `${SERVER_ROUNDS} interleaved server rounds, ours on ${STORE}`,
  );
  const runs: Record<ServerName, Measured[]> = { ours: [], websocket: [], hocuspocus: [], other: [] };
  for (let round = 1; round <= SERVER_ROUNDS; round++) {
    for (const name of CHOSEN_SERVERS) {
      const measured = await SERVERS[name](temp);
      runs[name].push(measured);
      // Each round's own figures beside the pooled ones below: how far rounds of one server spread.
      console.log(
        `round ${round}: ${name} done (${measured.updateMs.length} updates, ${measured.lost} lost; relay p50 ` +
          `${percentile(measured.updateMs, 50).toFixed(3)} ms, p99 ${percentile(measured.updateMs, 99).toFixed(1)} ms; ` +
          `storm ${measured.stormMs.toFixed(0)} ms)`,
      );
    }
  }
  const acksMissing = runs.ours.reduce((n, m) => n + m.acksMissing, 0);
  const pooled = (name: ServerName, key: 'updateMs' | 'ackMs' | 'persistMs', q: number) =>
    // Ack percentiles only over every ack: with some missing, the slowest would be left out of them.
    key === 'ackMs' && runs[name].some((m) => m.acksMissing > 0)
      ? NaN
      : percentile(
          runs[name].flatMap((m) => m[key]),
          q,
        );
  const mid = (name: ServerName, pick: (m: Measured) => number) => median(runs[name].map(pick));
  const each = (pick: (name: ServerName) => number | undefined) =>
    Object.fromEntries((Object.keys(SERVERS) as ServerName[]).map((n) => [n, pick(n)])) as Record<
      ServerName,
      number | undefined
    >;
  /** Ours against the reference, as the target reads it: "12% over" or "5% under". */
  const ratio = (ours: number, reference: number) => {
    if (Number.isNaN(ours) || Number.isNaN(reference)) return 'not measured';
    const percent = Math.round((ours / reference - 1) * 100);
    return percent > 0 ? `${percent}% over` : `${-percent}% under`;
  };
  console.log(`\nsync: ${CLIENTS} devices, two per document, on loopback (${SERVER_ROUNDS} interleaved rounds)`);
  printComparison([
    { metric: `all ${CLIENTS} synced`, unit: 'ms', values: each((n) => mid(n, (m) => m.syncMs)) },
    {
      metric: 'relay device to device p50',
      unit: 'ms',
      values: each((n) => pooled(n, 'updateMs', 50)),
      target: `within 10% of y-websocket: ${ratio(pooled('ours', 'updateMs', 50), pooled('websocket', 'updateMs', 50))}`,
    },
    {
      metric: 'relay device to device p99',
      unit: 'ms',
      values: each((n) => pooled(n, 'updateMs', 99)),
      target: `within 10% of y-websocket: ${ratio(pooled('ours', 'updateMs', 99), pooled('websocket', 'updateMs', 99))}`,
    },
    {
      metric: 'persisted p50 (ours: ack after commit)',
      unit: 'ms',
      values: {
        ours: pooled('ours', 'ackMs', 50),
        other: pooled('other', 'ackMs', 50),
        websocket: undefined,
        hocuspocus: pooled('hocuspocus', 'persistMs', 50),
      },
    },
    {
      metric: 'persisted p99 (ours: ack after commit)',
      unit: 'ms',
      values: {
        ours: pooled('ours', 'ackMs', 99),
        other: pooled('other', 'ackMs', 99),
        websocket: undefined,
        hocuspocus: pooled('hocuspocus', 'persistMs', 99),
      },
      target: '<= 50 ms, <= hocuspocus',
    },
    { metric: 'RSS per idle connection', unit: 'KB', values: each((n) => mid(n, (m) => m.rssPerConnection.median)) },
    { metric: 'heap per idle connection', unit: 'KB', values: each((n) => mid(n, (m) => m.heapPerConnection.median)) },
    {
      metric: 'heap per idle connection, code left out',
      unit: 'KB',
      values: each((n) => mid(n, (m) => m.heapObjectsPerConnection.median)),
      target: '<= both',
    },
    { metric: `reconnect storm, all ${CLIENTS} synced`, unit: 'ms', values: each((n) => mid(n, (m) => m.stormMs)) },
    { metric: 'server event-loop delay p99', unit: 'ms', values: each((n) => mid(n, (m) => m.load.loopP99)) },
    {
      metric: 'server CPU per update',
      unit: 'ms',
      values: each((n) => mid(n, (m) => m.load.cpuMs / Math.max(1, m.updateMs.length))),
    },
  ]);
  const names = CHOSEN_SERVERS;
  const labels = {
    rssPerConnection: 'RSS',
    heapPerConnection: 'heap',
    heapObjectsPerConnection: 'heap (code left out)',
  };
  for (const key of ['rssPerConnection', 'heapPerConnection', 'heapObjectsPerConnection'] as const) {
    const spreads = names.map((n) => `${n} ${runs[n].map((m) => formatSpread(m[key])).join(' / ')}`);
    console.log(`${labels[key]} per idle connection, KB, median (lowest - highest) per round: ${spreads.join('; ')}`);
  }
  const count = (name: ServerName) => {
    const all = runs[name];
    return `${all.reduce((s, m) => s + m.updateMs.length, 0)} updates (${all.reduce((s, m) => s + m.lost, 0)} lost)`;
  };
  console.log(
    `measured: ours ${count('ours')}, ${runs.ours.reduce((s, m) => s + m.ackMs.length, 0)} acks (${acksMissing > 0 ? `${acksMissing} never came: ack rows left blank` : 'all came'}); ` +
      `y-websocket ${count('websocket')}; hocuspocus ${count('hocuspocus')}, ${runs.hocuspocus.reduce((s, m) => s + m.persistMs.length, 0)} stores`,
  );
}

if (process.argv[2] === 'clients') {
  runClients();
  process.send?.({ type: 'ready' });
} else if (process.argv[2] === 'hocuspocus') {
  await runHocuspocus(Number(process.argv[3]), process.argv[4] as string);
} else {
  await runBench(main);
}
