// `npm run bench -- notify [--learners N]`: the class server's notifications at a district's size. One
// announcement written to N learners' inboxes (default 10,000: time and the server process's RSS), the
// delivery latency to 1,000 connected devices (the time from the send until each device's inbox document
// holds the item; target p99 <= 1 s), and a device back after 30 days offline with 500 items waiting (from
// its start until the app lists them all; target <= 2 s), and the daily inbox sweep over every account. The server runs in this process, so RSS is the
// server's plus the devices'; the devices are raw y-protocols clients (bench/sync-device.ts).
import { fork } from 'node:child_process';
import type { ChildProcess, Serializable } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { wireName } from '../common/contract/sync-docs.js';
import { SYNC_ROOTS } from '../common/contract/sync-wire.js';
import type { InboxItem } from '../common/contract/notifications.js';
import { createCore } from '../main/core/create-core.js';
import { AccessTokenIssuer } from '../sync-server/accounts/access-tokens.js';
import { createSyncServer } from '../sync-server/server.js';
import { PASSWORD } from '../sync-server/testing/test-server.js';
import { Device } from './sync-device.js';
import { now, percentile, printLoad, printTable, within } from './stats.js';

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number`);
  return value;
};
const LEARNERS = flag('--learners', 10_000);
const DEVICES = Math.min(1_000, LEARNERS);
const BACKLOG = 500;
const SECRET = randomUUID() + randomUUID();
const mb = (bytes: number) => bytes / 1024 / 1024;

async function main() {
  printLoad('at start');
  const temp: string[] = [];
  const dir = (prefix: string) => {
    const made = mkdtempSync(join(tmpdir(), prefix));
    temp.push(made);
    return made;
  };
  const server = await createSyncServer({
    dataDir: dir('bench-notify-server-'),
    logger: pino({ level: 'silent' }),
    tokenSecret: SECRET,
    sendLimit: { max: 1_000_000, windowMs: 60_000 },
    authRateLimit: { max: 1_000_000, windowMs: 60_000 },
    documents: { maxSocketsPerAccount: 1_000 },
  });
  let devices: ChildProcess | undefined;
  try {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;

    // Accounts as rows (registering 10,000 through scrypt would measure password hashing, not notifications).
    const ids = Array.from({ length: LEARNERS }, () => randomUUID());
    const at = Date.now();
    await server.store.transaction(async (tx) => {
      for (const [i, id] of ids.entries()) {
        await tx.run(
          `INSERT INTO accounts (id, email, display_name, password_hash, role, status, created_at, password_changed_at)
           VALUES (?, ?, ?, 'none', 'learner', 'active', ?, ?)`,
          [id, `learner${i}@bench.example`, `Learner ${i}`, at, at],
        );
      }
    });
    await server.services.registration.register(
      { email: 'admin@bench.example', password: PASSWORD, displayName: 'Admin' },
      'admin',
    );
    const admin = (await (
      await fetch(`${origin}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@bench.example', password: PASSWORD }),
      })
    ).json()) as { accessToken: string };
    const announce = async (text: string) => {
      const answer = await fetch(`${origin}/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
        body: JSON.stringify({ audience: { to: 'everyone' }, text }),
      });
      if (answer.status !== 202) throw new Error(`send: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as { messageId: string; recipients: number };
    };

    // 1. One announcement to every learner's inbox.
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const writeStart = now();
    const sent = await announce('The lab is closed on Monday.');
    const accepted = now() - writeStart;
    await within('writing the announcement', 600_000, () => server.notifications.delivery.idle());
    const written = now() - writeStart;
    clearInterval(sampler);
    if (sent.recipients !== LEARNERS + 0) throw new Error(`sent to ${sent.recipients}, not ${LEARNERS}`);

    // 2. Latency to connected devices: each watches its inbox document for the next announcement.
    const issuer = new AccessTokenIssuer(new TextEncoder().encode(SECRET), 3_600, () => new Date());
    const urls: string[] = [];
    for (const id of ids.slice(0, DEVICES)) {
      const family = randomUUID();
      await server.store.run('INSERT INTO refresh_families (id, account_id, created_at) VALUES (?, ?, ?)', [
        family,
        id,
        Date.now(),
      ]);
      const token = await issuer.issue({ accountId: id, role: 'learner', family });
      urls.push(`${origin.replace(/^http/, 'ws')}/sync/${wireName(id, 'inbox')}?token=${token}`);
    }
    // The devices run in a child process, so their CPU is not the server's.
    devices = fork(process.argv[1] as string, ['devices'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ask = <T>(message: unknown) =>
      new Promise<T>((done, reject) => {
        devices!.once('message', (reply: { failed?: string } & T) =>
          reply.failed ? reject(new Error(reply.failed)) : done(reply),
        );
        devices!.send(message as Serializable);
      });
    await within('connecting the devices', 120_000, () => ask({ connect: urls }));
    const sentAt = Date.now();
    // The server's CPU time from the send until the last device has it: what the latency costs on a quiet
    // machine, whatever else a shared one runs meanwhile.
    const cpuFrom = process.cpuUsage();
    const { messageId } = await announce('Fire drill at 11:00.');
    const { arrivedAt } = await within('delivering to the devices', 60_000, () =>
      ask<{ arrivedAt: number[] }>({ waitFor: messageId }),
    );
    const latencies = arrivedAt.map((at) => at - sentAt);
    const cpu = process.cpuUsage(cpuFrom);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    await server.notifications.delivery.idle();
    await ask({ close: true });

    // 3. A device back after 30 days offline with 500 items waiting.
    const email = 'offline@bench.example';
    const { accountId } = await server.services.registration.register(
      { email, password: PASSWORD, displayName: 'Offline' },
      'learner',
    );
    const deviceDir = dir('bench-notify-device-');
    const quiet = pino({ level: 'silent' });
    let core = await createCore({ dataDir: deviceDir, appVersion: '1.0.0', logger: quiet });
    const { session, learner } = await core.api.createLearner({
      profile: { displayName: 'Offline', avatar: 'owl', goals: [] },
    });
    await core.api.linkSyncAccount({ session, serverUrl: origin, email, password: PASSWORD });
    await within('the first sync', 30_000, async () => {
      while ((await core.api.listNotifications({ session })).items.length === 0)
        await new Promise((resolve) => setTimeout(resolve, 20));
    });
    await core.close();
    for (let i = 0; i < BACKLOG; i++) {
      await server.notifications.notifyAccounts([accountId], {
        kind: 'class-message',
        title: `Note ${i + 1} of ${BACKLOG}`,
        body: 'Read the next lesson before class; bring your questions.',
      });
    }
    await server.notifications.delivery.idle();
    const backStart = now();
    core = await createCore({ dataDir: deviceDir, appVersion: '1.0.0', logger: quiet });
    const reopened = await core.api.openLearnerSession({ learnerId: learner.id });
    core.startSync();
    let count = 0;
    await within('catching up', 60_000, async () => {
      while ((count = (await core.api.listNotifications({ session: reopened.session })).items.length) < BACKLOG + 1)
        await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const catchUp = now() - backStart;
    await core.close();

    // 4. The daily sweep that keeps inboxes bounded, over every account (nothing to prune: all is recent).
    const sweepStart = now();
    const cpuBefore = process.cpuUsage();
    await server.notifications.pruner.sweep();
    const sweep = now() - sweepStart;
    const sweepCpu = process.cpuUsage(cpuBefore);

    printTable(`notifications: ${LEARNERS.toLocaleString()} learners, ${DEVICES} connected devices`, '', [
      { metric: `announcement accepted (${LEARNERS} recipients stored)`, ours: accepted, unit: 'ms' },
      { metric: `announcement in all ${LEARNERS} inboxes`, ours: written, unit: 'ms' },
      { metric: 'inbox writes per second', ours: LEARNERS / (written / 1000), unit: '/s' },
      { metric: 'RSS before / peak during the write', ours: mb(rssBefore), unit: `MB / ${mb(rssPeak).toFixed(0)} MB` },
      { metric: `delivery to ${DEVICES} devices p50`, ours: percentile(latencies, 50), unit: 'ms' },
      {
        metric: `delivery to ${DEVICES} devices p99`,
        ours: percentile(latencies, 99),
        unit: 'ms',
        target: '<= 1000 ms',
      },
      { metric: `delivery to ${DEVICES} devices max`, ours: Math.max(...latencies), unit: 'ms' },
      { metric: 'server CPU from the send to the last device', ours: cpuMs, unit: 'ms' },
      { metric: `back after 30 days offline: ${count} items listed`, ours: catchUp, unit: 'ms', target: '<= 2000 ms' },
      { metric: `inbox sweep over ${LEARNERS + 2} accounts (nothing to prune)`, ours: sweep, unit: 'ms' },
      { metric: 'inbox sweep CPU', ours: (sweepCpu.user + sweepCpu.system) / 1000, unit: 'ms' },
    ]);
  } finally {
    devices?.kill();
    await server.app.close();
    for (const made of temp) rmSync(made, { recursive: true, force: true });
    printLoad('at end');
  }
}

/**
 * The child: raw y-protocols devices on their inbox documents, noting when each item id first arrived
 * (wall-clock ms, comparable with the parent's).
 */
function runDevices(): void {
  let devices: { device: Device; seen: Map<string, number> }[] = [];
  const reply = (message: unknown) => process.send?.(message as Serializable);
  process.on('message', (command: { connect?: string[]; waitFor?: string; close?: boolean }) => {
    void (async () => {
      try {
        if (command.connect) {
          devices = command.connect.map((url) => {
            const device = new Device(
              url,
              () => undefined,
              () => undefined,
            );
            const seen = new Map<string, number>();
            device.doc.getArray<InboxItem>(SYNC_ROOTS.inbox.name).observe((event) => {
              for (const added of event.changes.added) {
                for (const entry of added.content.getContent() as InboxItem[])
                  if (!seen.has(entry.id)) seen.set(entry.id, Date.now());
              }
            });
            return { device, seen };
          });
          await Promise.all(devices.map(({ device }) => device.connect()));
          reply({});
        } else if (command.waitFor) {
          const id = command.waitFor;
          while (devices.some(({ seen }) => !seen.has(id))) await new Promise((resolve) => setTimeout(resolve, 5));
          reply({ arrivedAt: devices.map(({ seen }) => seen.get(id)!) });
        } else if (command.close) {
          for (const { device } of devices) device.close();
          reply({});
          process.exit(0);
        }
      } catch (error) {
        reply({ failed: (error as Error).message });
      }
    })();
  });
}

if (process.argv[2] === 'devices') runDevices();
else await main();
