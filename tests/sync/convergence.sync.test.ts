// Property: whatever devices do offline, restart, lose the network or see the server restart, once
// everything syncs every replica and a cold read of the server's storage hold the same documents, the
// union of all events (nothing lost, nothing extra), and projections equal to a rebuild from the log.
// Devices are real app cores (createCore on temp folders) linked through the sync API, each behind its
// own TCP relay so it alone can be cut off. The app has no notes API yet: note edits come from a raw
// y-protocols client of the learner's account (a stand-in for a device), and the cores must carry them.
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Preferences, PreferencesUpdate } from '../../common/contract/learners.js';
import type { RecordInput } from '../../common/contract/progress.js';
import { openDatabase } from '../../infra/sqlite/open-database.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';
import { CORE_DATABASE_FILE } from '../../main/core/db/core-database.js';
import { projectionRows } from '../../main/core/progress/testing/projection-rows.js';
import { DocStore, foldUpdates } from '../../sync-server/documents/doc-store.js';
import type { SyncServer } from '../../sync-server/server.js';
import { openServerStore } from '../../sync-server/storage/open-server-store.js';
import type { SqlStore } from '../../sync-server/storage/sql-store.js';
import { eventually } from '../../sync-server/testing/sync-clients.js';
import { PASSWORD, login, registerAccount, startTestServer } from '../../sync-server/testing/test-server.js';
import { AckClient, covers, stateVectorOf } from './support/ack-client.js';
import { PartitionProxy } from './support/partition-proxy.js';
import { SYNC_ROOTS } from '../../common/contract/sync-wire.js';

const RUNS = Number(process.env.LIONLEARN_CONVERGENCE_RUNS ?? 100);
const SEED = Number(process.env.LIONLEARN_CONVERGENCE_SEED ?? 2026_07);
const silent = pino({ level: 'silent' });
/** An event of the term before the current one: it goes to another progress document. */
const EARLIER_TERM = '2025-03-01T09:00:00.000Z';

type Command =
  | { kind: 'progress'; replica: number; events: number; earlierTerm: boolean }
  | { kind: 'preference'; replica: number; preferences: PreferencesUpdate }
  | { kind: 'note'; note: number; at: number; text: string }
  | { kind: 'restart-device'; device: number }
  | { kind: 'partition'; device: number }
  | { kind: 'heal'; device: number }
  | { kind: 'pause'; ms: number }
  | { kind: 'restart-server' };

interface Scenario {
  /** Devices of the learner; other learners have profiles on some of the same devices. */
  devices: number;
  /** For each other learner, the devices (modulo `devices`) they use. */
  others: number[][];
  commands: Command[];
}

const preferenceArb: fc.Arbitrary<PreferencesUpdate> = fc.oneof(
  fc.record({ theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const) }),
  fc.record({ fontSize: fc.integer({ min: 12, max: 28 }) }),
  fc.record({ editor: fc.record({ tabSize: fc.constantFrom(2 as const, 4 as const) }) }),
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('progress' as const),
      replica: fc.nat(20),
      events: fc.integer({ min: 1, max: 3 }),
      earlierTerm: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('preference' as const), replica: fc.nat(20), preferences: preferenceArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      note: fc.nat(2),
      at: fc.nat(100),
      text: fc.string({ minLength: 1, maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart-device' as const), device: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), device: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('heal' as const), device: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart-server' as const }) },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  devices: fc.integer({ min: 2, max: 5 }),
  others: fc.array(fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
  commands: fc.array(commandArb, { minLength: 2, maxLength: 8 }),
});

const DEFAULTS: Record<string, unknown> = { theme: 'system', fontSize: 17, 'editor.tabSize': 4 };
const flatten = (update: PreferencesUpdate): [string, unknown][] =>
  Object.entries(update).flatMap(([key, value]): [string, unknown][] =>
    key === 'editor' ? Object.entries(value as object).map(([sub, v]) => [`editor.${sub}`, v]) : [[key, value]],
  );
const preferenceAt = (preferences: Preferences, key: string): unknown =>
  key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)[part], preferences);

/** A document's root as JSON (whatever order its keys were integrated in) and its state vector. */
function contentOf(key: string, doc: Y.Doc) {
  const root =
    key === 'inbox'
      ? doc.getArray(SYNC_ROOTS.inbox.name)
      : doc.getMap(key === 'prefs' || key === 'notes' ? key : 'events');
  return { root: root.toJSON() as unknown, sv: [...stateVectorOf(doc)].sort(([a], [b]) => a - b) };
}
const docOf = (updates: readonly Uint8Array[]) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, foldUpdates(updates));
  return doc;
};

/**
 * PASSWORD hashed at a small scrypt cost. The stored hash carries its cost, so sign-ins (one per device
 * link) verify against it cheaply; at the server's real cost, 100 runs would spend minutes in scrypt.
 */
const cheapHash = (() => {
  const salt = randomBytes(16);
  const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  return `$scrypt$n=1024,r=8,p=1$${b64(salt)}$${b64(scryptSync(PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 }))}`;
})();

let server: SyncServer;
let serverPort = 0;
let reader: SqlStore;
const serverDir = mkdtempSync(join(tmpdir(), 'sync-convergence-'));
const totals = { runs: 0, commands: {} as Record<string, number>, ms: 0 };

async function startServer() {
  server = await startTestServer({ dataDir: serverDir });
  await server.app.listen({ port: serverPort, host: '127.0.0.1' });
  serverPort = (server.app.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  await startServer();
  // A separate connection reads storage the way a cold start loads it.
  ({ store: reader } = await openServerStore({ dataDir: serverDir }));
});
afterAll(async () => {
  await server?.app.close();
  await reader?.close();
  rmSync(serverDir, { recursive: true, force: true });
});

/** What a cold start of the server would load for each document of the account. */
async function serverDocs(accountId: string) {
  const prefix = `u/${accountId}/`;
  const names = await reader.all<{ doc: string }>(
    'SELECT doc FROM doc_updates WHERE doc LIKE ? UNION SELECT doc FROM doc_snapshots WHERE doc LIKE ?',
    [`${prefix}%`, `${prefix}%`],
  );
  const docs = new Map<string, Y.Doc>();
  for (const { doc } of names)
    docs.set(doc.slice(prefix.length), docOf((await new DocStore(reader).load(doc)).updates));
  return docs;
}

/** A device's own copies of a learner's documents, read from its SQLite file. */
function deviceDocs(dataDir: string, learnerId: string) {
  const db = new Database(join(dataDir, CORE_DATABASE_FILE), { readonly: true });
  try {
    const docs = new Map<string, Y.Doc>();
    const rows = db.prepare('SELECT doc, state FROM sync_docs WHERE learner_id = ?').all(learnerId) as {
      doc: string;
      state: Uint8Array;
    }[];
    const updates = db.prepare('SELECT data FROM sync_updates WHERE learner_id = ? AND doc = ? ORDER BY id').pluck();
    for (const { doc, state } of rows) {
      docs.set(doc, docOf([state, ...(updates.all(learnerId, doc) as Uint8Array[])]));
    }
    return docs;
  } finally {
    db.close();
  }
}

interface Device {
  dataDir: string;
  proxy: PartitionProxy;
  core: Core | null;
}

interface Replica {
  learner: number;
  device: Device;
  learnerId: string;
  session: string;
}

const openCore = (dataDir: string) =>
  // Quick retries, so a healed device or a restarted server is back within a test's patience.
  createCore({ dataDir, appVersion: '1.0.0', logger: silent, sync: { baseMs: 30, capMs: 300 } });

async function exportedEvents(core: Core, session: string) {
  const { file } = await core.api.exportLearner({ session });
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as { eventId: string; type: string; data: Record<string, string> });
}

/**
 * One learner's replicas agree with each other and with the server's storage: exactly the events made
 * for them (nothing lost, nothing extra, nothing twice), the same summary, and the same preferences.
 */
async function expectLearnerConverged(
  mine: Replica[],
  held: Map<string, Y.Doc>,
  expectedEvents: string[],
  written: Map<string, unknown[]>,
) {
  const exported = await Promise.all(mine.map((replica) => exportedEvents(replica.device.core!, replica.session)));
  const eventIds = exported[0]!.map((e) => e.eventId).sort();
  for (const events of exported) {
    expect(events.map((e) => `${e.type} ${e.data.lessonId ?? e.data.quizItemId}`).sort()).toEqual(
      [...expectedEvents].sort(),
    );
    expect(events.map((e) => e.eventId).sort()).toEqual(eventIds);
  }
  const serverEventIds = [...held]
    .filter(([key]) => key.startsWith('progress/'))
    .flatMap(([, doc]) => [...doc.getMap(SYNC_ROOTS.progress.name).keys()])
    .sort();
  expect(serverEventIds).toEqual(eventIds);

  const summaries = await Promise.all(
    mine.map(({ device, session }) => device.core!.api.getProgressSummary({ session, tzOffsetMinutes: 0, days: 30 })),
  );
  for (const summary of summaries)
    expect({ ...summary, learnerId: null }).toEqual({ ...summaries[0]!, learnerId: null });

  const preferences = await Promise.all(
    mine.map(({ device, session }) => device.core!.api.getUserPreferences({ session })),
  );
  for (const p of preferences) expect(p).toEqual(preferences[0]);
  // Edits came after every device's defaults were in the account: a key written holds one of the values written.
  for (const key of Object.keys(DEFAULTS)) {
    expect(written.get(key) ?? [DEFAULTS[key]], `preference ${key}`).toContainEqual(preferenceAt(preferences[0]!, key));
  }
  const serverPrefs = held.get('prefs')?.getMap(SYNC_ROOTS.prefs.name).toJSON() ?? {};
  for (const [key, value] of Object.entries(serverPrefs)) expect(preferenceAt(preferences[0]!, key)).toEqual(value);
}

let runNumber = 0;
/** What the run in progress is doing: a run that hangs names it. */
let step = '';

async function runScenario(scenario: Scenario) {
  const started = Date.now();
  const run = ++runNumber;
  const learners = 1 + scenario.others.length;
  const emails = Array.from({ length: learners }, (_, i) => `run${run}-learner${i}@example.org`);
  const accountIds = await Promise.all(emails.map((email) => registerAccount(server.app, email)));
  for (const id of accountIds)
    await server.store.run('UPDATE accounts SET password_hash = ? WHERE id = ?', [cheapHash, id]);
  const devices: Device[] = [];
  const devicesOf = (learner: number) =>
    learner === 0
      ? devices
      : [...new Set(scenario.others[learner - 1]!.map((d) => d % devices.length))].map((d) => devices[d]!);
  const replicas: Replica[] = [];
  let notes: AckClient | undefined;
  const expectedEvents = Array.from({ length: learners }, () => [] as string[]);
  const written = Array.from({ length: learners }, () => new Map<string, unknown[]>());
  let counter = 0;

  const core = (replica: Replica) => replica.device.core!;
  const statuses = () =>
    Promise.all(replicas.map((replica) => core(replica).api.getSyncStatus({ session: replica.session })));
  const syncedEverywhere = (timeoutMs: number) =>
    eventually(async () => {
      const now = await statuses();
      return now.every((status) => status.state === 'synced' && status.pending === 0);
    }, timeoutMs).catch(async () => {
      throw new Error(`not every replica synced:\n${(await statuses()).map((s) => JSON.stringify(s)).join('\n')}`);
    });
  const syncNow = async (timeoutMs: number) => {
    await Promise.all(replicas.map((replica) => core(replica).api.syncNow({ session: replica.session })));
    await syncedEverywhere(timeoutMs);
  };

  const apply = async (command: Command) => {
    step = `command ${JSON.stringify(command)}`;
    totals.commands[command.kind] = (totals.commands[command.kind] ?? 0) + 1;
    switch (command.kind) {
      case 'progress': {
        const replica = replicas[command.replica % replicas.length]!;
        const events: RecordInput[] = Array.from({ length: command.events }, () => {
          const id = `p/run${run}-${++counter}`;
          const timestamp = command.earlierTerm ? { timestamp: EARLIER_TERM } : {};
          if (counter % 2 === 0) {
            expectedEvents[replica.learner]!.push(`LessonOpened ${id}`);
            return { type: 'LessonOpened', data: { lessonId: id }, ...timestamp };
          }
          expectedEvents[replica.learner]!.push(`QuizAnswered ${id}`);
          return {
            type: 'QuizAnswered',
            data: { quizItemId: id, correct: counter % 3 === 0, answer: '42', timeSpentMs: 900, skills: ['p/loops'] },
            ...timestamp,
          };
        });
        // Quiz answers are the core's own record (it grades them): both kinds go through it here.
        const result = await core(replica).recordProgress(replica.session, events);
        expect(result).toEqual({ appended: events.length, duplicates: 0 });
        return;
      }
      case 'preference': {
        const replica = replicas[command.replica % replicas.length]!;
        await core(replica).api.updatePreferences({ session: replica.session, preferences: command.preferences });
        for (const [key, value] of flatten(command.preferences)) {
          const values = written[replica.learner]!.get(key) ?? [];
          written[replica.learner]!.set(key, [...values, value]);
        }
        return;
      }
      case 'note':
        return notes!.write((doc) => {
          const map = doc.getMap<Y.Text>(SYNC_ROOTS.notes.name);
          const text = map.get(`note-${command.note}`);
          if (text) text.insert(command.at % (text.length + 1), command.text);
          else map.set(`note-${command.note}`, new Y.Text(command.text));
        });
      case 'restart-device': {
        const device = devices[command.device % devices.length]!;
        await device.core!.close();
        device.core = null;
        device.core = await openCore(device.dataDir);
        for (const replica of replicas.filter((r) => r.device === device)) {
          replica.session = (await device.core.api.openLearnerSession({ learnerId: replica.learnerId })).session;
        }
        return;
      }
      case 'partition':
        return devices[command.device % devices.length]!.proxy.cut();
      case 'heal':
        return devices[command.device % devices.length]!.proxy.heal();
      case 'pause':
        return new Promise((resolve) => setTimeout(resolve, command.ms));
      case 'restart-server':
        notes!.disconnect();
        await server.app.close();
        await startServer();
        return notes!.connect();
    }
  };

  try {
    step = 'setting up devices and linking them';
    for (let i = 0; i < scenario.devices; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'sync-device-'));
      devices.push({ dataDir, proxy: await PartitionProxy.start(serverPort), core: null });
      devices[i]!.core = await openCore(dataDir);
    }
    for (let learner = 0; learner < learners; learner++) {
      for (const device of devicesOf(learner)) {
        const { session, learner: profile } = await device.core!.api.createLearner({
          profile: { displayName: `Learner ${learner}`, avatar: 'owl', goals: [] },
        });
        replicas.push({ learner, device, learnerId: profile.id, session });
      }
    }
    await Promise.all(
      replicas.map(({ device, session, learner }) =>
        device.core!.api.linkSyncAccount({
          session,
          serverUrl: device.proxy.url,
          email: emails[learner]!,
          password: PASSWORD,
        }),
      ),
    );
    // Linked and settled first, so each device's default preferences are in the account before anyone edits:
    // once all have sent theirs, a second connection brings them all to every device.
    await syncedEverywhere(20_000);
    await syncNow(20_000);
    const { accessToken } = await login(server.app, emails[0]!);
    notes = new AckClient(`ws://127.0.0.1:${serverPort}`, `u/${accountIds[0]}/notes`, accessToken);
    await notes.connect();

    for (const command of scenario.commands) await apply(command);

    step = 'syncing everything after the commands';
    for (const device of devices) device.proxy.heal();
    await eventually(() => notes!.synced && covers(notes!.acked, stateVectorOf(notes!.doc)), 10_000);
    // Two rounds: the first brings every device's changes to the server, the second brings them all back
    // (a device closes the socket of an earlier term once it is in sync, so it learns of later changes there
    // at its next connection).
    await syncNow(30_000);
    await syncNow(30_000);

    step = 'comparing replicas with the server';
    const serverHeld = new Map<number, Map<string, Y.Doc>>();
    for (let learner = 0; learner < learners; learner++) {
      const mine = replicas.filter((replica) => replica.learner === learner);
      const held = await serverDocs(accountIds[learner]!);
      await expectLearnerConverged(mine, held, expectedEvents[learner]!, written[learner]!);
      serverHeld.set(learner, held);
    }
    for (const device of devices) {
      const file = join(device.dataDir, CORE_DATABASE_FILE);
      const before = readProjections(file);
      device.core!.rebuildProgress();
      expect(readProjections(file)).toEqual(before);
    }
    for (const device of devices) {
      await device.core!.close();
      device.core = null;
    }
    for (const replica of replicas) {
      const local = deviceDocs(replica.device.dataDir, replica.learnerId);
      const held = serverHeld.get(replica.learner)!;
      for (const key of new Set([...local.keys(), ...held.keys()])) {
        expect(contentOf(key, local.get(key) ?? new Y.Doc()), `${key} of learner ${replica.learner}`).toEqual(
          contentOf(key, held.get(key) ?? new Y.Doc()),
        );
      }
    }
    totals.runs++;
  } finally {
    step = 'closing the devices';
    notes?.disconnect();
    for (const device of devices) {
      await device.core?.close();
      await device.proxy.close();
      rmSync(device.dataDir, { recursive: true, force: true });
    }
    totals.ms += Date.now() - started;
  }
}

function readProjections(file: string) {
  const db = openDatabase(file);
  try {
    return projectionRows(db);
  } finally {
    db.close();
  }
}

/** A run that hangs fails with its scenario and the step it hung at, rather than ending the whole test without. */
async function withinDeadline(run: Promise<void>, ms = 120_000) {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the run hung for ${ms / 1000} s at: ${step}`)), ms);
  });
  try {
    await Promise.race([run, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('sync convergence (property-based)', () => {
  it(
    `converges every replica and the server for ${RUNS} random runs (seed ${SEED})`,
    { timeout: 600_000 },
    async () => {
      // A failure prints its seed and path; LIONLEARN_CONVERGENCE_PATH starts again from that run.
      const path = process.env.LIONLEARN_CONVERGENCE_PATH;
      await fc.assert(
        fc.asyncProperty(scenarioArb, (scenario) => withinDeadline(runScenario(scenario))),
        {
          numRuns: RUNS,
          seed: SEED,
          endOnFailure: true,
          ...(path ? { path } : {}),
        },
      );
      console.log(
        `convergence: ${totals.runs} runs in ${(totals.ms / 1000).toFixed(1)} s, commands ${JSON.stringify(totals.commands)}`,
      );
    },
  );
});
