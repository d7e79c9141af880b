// `npm run bench -- distribution` (after `npm run build`): 30 apps pull one 50 MB pack from one class server
// at once, through the app's own resumable download (every copy checked against the feed's SHA-256 and its
// signed seal); then the same with one app's connection cut halfway and resumed. The built server runs as its
// own process; its RSS (peak) and CPU time are read from /proc (Linux). Temp folders are removed at the end.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISTRIBUTION_PATHS, packFeedSchema } from '../common/contract/distribution.js';
import type { FeedPack } from '../common/contract/distribution.js';
import { buildPackArchive } from '../content-packs/format/pack-archive.js';
import { padFixtureLessons, writePackFixture } from '../content-packs/format/pack-fixture.js';
import { readSeal } from '../content-packs/format/pack-seal.js';
import { generateSigningKeys } from '../content-packs/format/signing.js';
import { downloadResumable } from '../main/core/distribution/resumable-download.js';

const APPS = Number(process.env.BENCH_APPS ?? 30);
const PACK_BYTES = Number(process.env.BENCH_PACK_MB ?? 50) * 1024 * 1024;
const PASSWORD = 'bench passphrase 1';
const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The server's resident set now and at its peak, and its CPU time (user + system), from /proc. */
function serverUsage(pid: number): { rss: number; peakRss: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  return { rss: kb('VmRSS'), peakRss: kb('VmHWM'), cpuMs: (ticks * 1000) / 100 };
}

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function startServer(dataDir: string) {
  execFileSync(
    process.execPath,
    [
      'dist/sync-server/server.js',
      'admin',
      'create',
      '--email',
      'admin@bench.example',
      '--password-env',
      'PW',
      '--data-dir',
      dataDir,
    ],
    { env: { ...process.env, PW: PASSWORD } },
  );
  const child = spawn(
    process.execPath,
    ['dist/sync-server/server.js', '--port', '0', '--data-dir', dataDir, '--auth-rate-limit', '100000'],
    { env: { ...process.env, LIONLEARN_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return { child, origin };
}

/** A proxy that cuts the first download through it after `cutAfter` bytes, as a pulled cable does. */
async function cable(port: number, cutAfter: number) {
  let armed = true;
  const proxy = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    let sent = 0;
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (armed && sent > cutAfter) {
        armed = false;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as { port: number }).port}`, close: () => proxy.close() };
}

async function round(
  label: string,
  pack: FeedPack,
  tokens: string[],
  urlOf: (i: number) => string,
  trusted: Map<string, string>,
  pid: number,
): Promise<void> {
  const before = serverUsage(pid);
  let peak = before.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, serverUsage(pid).rss)), 50);
  const started = performance.now();
  const durations: number[] = [];
  let resumes = 0;
  await Promise.all(
    tokens.map(async (accessToken, i) => {
      const dir = temp('bench-app-');
      const file = join(dir, `${pack.sha256}.lpack`);
      const t0 = performance.now();
      const target = {
        url: `${urlOf(i)}${DISTRIBUTION_PATHS.packFile}/${pack.sha256}`,
        accessToken,
        sha256: pack.sha256,
        bytes: pack.bytes,
        file,
      };
      // As the app's puller does: a cut download is tried again, resuming from what arrived.
      for (let attempt = 0; ; attempt++) {
        try {
          await downloadResumable(target);
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
          resumes += 1;
          const kept = statSync(`${file}.part`).size;
          console.log(`  app ${i}: cut after ${mb(kept)}; resuming with Range: bytes=${kept}-`);
        }
      }
      await readSeal(file, statSync(file).size, trusted);
      durations.push(performance.now() - t0);
      rmSync(dir, { recursive: true, force: true });
    }),
  );
  const total = performance.now() - started;
  clearInterval(sampler);
  const after = serverUsage(pid);
  durations.sort((a, b) => a - b);
  const p50 = durations[Math.floor(durations.length / 2)]!;
  console.log(`${label}`);
  console.log(
    `  total ${(total / 1000).toFixed(2)} s for ${tokens.length} × ${mb(pack.bytes)} (${mb((tokens.length * pack.bytes) / (total / 1000))}/s)`,
  );
  console.log(`  per app: median ${(p50 / 1000).toFixed(2)} s, slowest ${(durations.at(-1)! / 1000).toFixed(2)} s`);
  console.log(
    `  every copy verified (SHA-256 of the feed, signed seal): ${durations.length}/${tokens.length}; resumed: ${resumes}`,
  );
  console.log(
    `  server: CPU ${((after.cpuMs - before.cpuMs) / 1000).toFixed(2)} s, RSS ${mb(before.rss)} before, ${mb(peak)} peak while serving (process peak ${mb(after.peakRss)})`,
  );
}

async function main(): Promise<void> {
  const keys = generateSigningKeys();
  const dataDir = temp('bench-server-');
  mkdirSync(join(dataDir, 'pack-keys'));
  writeFileSync(join(dataDir, 'pack-keys', 'bench.pub'), keys.publicKey);
  const source = writePackFixture({ id: 'bench-pack', version: '1.0.0' }, temp('bench-source-'));
  padFixtureLessons(source, PACK_BYTES);
  const archive = await buildPackArchive(source, keys.privateKey);
  const { child, origin } = await startServer(dataDir);
  try {
    const login = async (email: string) =>
      ((await (await post(`${origin}/auth/login`, { email, password: PASSWORD })).json()) as { accessToken: string })
        .accessToken;
    const admin = await login('admin@bench.example');
    const published = await fetch(`${origin}${DISTRIBUTION_PATHS.packs}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(archive),
    });
    if (published.status !== 201) throw new Error(`publish: ${published.status} ${await published.text()}`);
    const tokens: string[] = [];
    for (let i = 0; i < APPS; i++) {
      const email = `app${i}@bench.example`;
      await post(`${origin}/auth/register`, { email, password: PASSWORD, displayName: `app${i}` });
      tokens.push(await login(email));
    }
    const feed = packFeedSchema.parse(
      await (
        await fetch(`${origin}${DISTRIBUTION_PATHS.packs}`, { headers: { authorization: `Bearer ${tokens[0]}` } })
      ).json(),
    );
    const pack = feed.packs[0]!;
    const trusted = new Map([[keys.keyId, keys.publicKey]]);
    console.log(`distribution bench: ${APPS} apps, one pack of ${mb(pack.bytes)}, server pid ${child.pid}`);
    await round(`${APPS} apps at once`, pack, tokens, () => origin, trusted, child.pid!);
    const cut = await cable(Number(new URL(origin).port), Math.floor(pack.bytes / 2));
    await round(
      `${APPS} apps at once, app 0's connection cut halfway and resumed`,
      pack,
      tokens,
      (i) => (i === 0 ? cut.url : origin),
      trusted,
      child.pid!,
    );
    cut.close();
    console.log(
      `load average (1, 5, 15 min): ${loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')} on this machine`,
    );
  } finally {
    child.kill('SIGTERM');
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
    console.log(`removed ${temps.length} temp folders`);
  }
}

await main();
