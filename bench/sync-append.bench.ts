// npm run bench -- sync-append: what linking a learner to a sync account costs on the append path.
// One app core (real SQLite, WAL, synchronous = FULL) with two learners: one not linked, one linked
// to an account on an in-process sync server (so each append is also put in the progress document,
// stored, sent and acknowledged). Single appends through the core's record (quiz answers are graded
// and recorded by the core, not posted by a face), timed one by one,
// with the term document at BENCH_PRELOAD (10000) events and then again at 4x that, to show the
// cost does not grow with the document. The baseline is what writing the whole document state per
// append (the literal reading of "the doc state written in the same transaction") would add on
// top: Y.encodeStateAsUpdate of the same document, timed at each size.
// BENCH_SINGLE (1000 appends per series), BENCH_DIR (temp folder), BENCH_KEEP=1 keeps it.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino } from 'pino';
import * as Y from 'yjs';
import type { RecordInput } from '../common/contract/progress.js';
import { createCore } from '../main/core/create-core.js';
import type { Core } from '../main/core/create-core.js';
import { startTestServer, registerAccount, PASSWORD } from '../sync-server/testing/test-server.js';
import { runBench } from './bench-run.js';
import { median, now, percentile, pollUntil, printTable, timeEach } from './stats.js';
import { SYNC_ROOTS } from '../common/contract/sync-wire.js';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SINGLE = knob('BENCH_SINGLE', 1000);
const PRELOAD = knob('BENCH_PRELOAD', 10_000);
/** The longest the bench waits for the sync server to acknowledge everything. */
const SYNC_TIMEOUT_MS = 120_000;

const quiz = (i: number): RecordInput => ({
  type: 'QuizAnswered',
  data: {
    quizItemId: `bench/q${i % 90}`,
    correct: i % 3 !== 0,
    answer: String(i % 97),
    timeSpentMs: 9000,
    skills: ['bench/s1'],
  },
});

function waitSynced(core: Core, session: string) {
  return pollUntil('waiting for every append to be acknowledged', SYNC_TIMEOUT_MS, async () => {
    const status = await core.api.getSyncStatus({ session });
    return status.state === 'synced' && status.pending === 0;
  });
}

async function preload(core: Core, session: string, count: number) {
  for (let i = 0; i < count; i += 1000) {
    await core.recordProgress(
      session,
      Array.from({ length: Math.min(1000, count - i) }, (_, k) => quiz(i + k)),
    );
  }
}

/** The whole-state write a naive mirror would do per append, on a document of `events` events like ours. */
function fullStateEncodeMs(events: number): number {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < events; i++) {
      doc.getMap(SYNC_ROOTS.progress.name).set(`0190${String(i).padStart(32, '0')}`, {
        eventId: `0190${String(i).padStart(32, '0')}`,
        type: 'QuizAnswered',
        aggregateId: `bench/q${i % 90}`,
        userId: '00000000-0000-4000-8000-000000000000',
        timestamp: new Date(Date.UTC(2026, 6, 1) + i * 1000).toISOString(),
        data: quiz(i).data,
        version: 1,
      });
    }
  });
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = now();
    Y.encodeStateAsUpdate(doc);
    samples.push(now() - start);
  }
  return median(samples);
}

await runBench(async (temp) => {
  const dir = temp.folder('bench-sync-append-');
  const server = await startTestServer({ dataDir: join(dir, 'server') });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  await registerAccount(server.app, 'bench@example.org');
  const core = await createCore({ dataDir: join(dir, 'app'), appVersion: 'bench', logger: pino({ level: 'silent' }) });
  try {
    const create = async (name: string) =>
      (await core.api.createLearner({ profile: { displayName: name, avatar: 'owl', goals: [] } })).session;
    const plain = await create('Not linked');
    const linked = await create('Linked');
    await core.api.linkSyncAccount({ session: linked, serverUrl: url, email: 'bench@example.org', password: PASSWORD });
    await waitSynced(core, linked);

    const rows = [];
    let offset = 0;
    for (const size of [PRELOAD, PRELOAD * 4]) {
      await preload(core, plain, size - offset);
      await preload(core, linked, size - offset);
      await waitSynced(core, linked);
      offset = size;
      const inputs = Array.from({ length: SINGLE }, (_, i) => quiz(size + i));
      const unlinked = await timeEach(inputs, (event) => core.recordProgress(plain, [event]));
      const start = now();
      const withSync = await timeEach(inputs, (event) => core.recordProgress(linked, [event]));
      await waitSynced(core, linked);
      const toAcked = now() - start;
      offset += SINGLE;
      const full = fullStateEncodeMs(size);
      rows.push(
        {
          metric: `append, median (doc ${size} events)`,
          ours: median(withSync),
          baseline: median(unlinked),
          unit: 'ms',
        },
        {
          metric: `append, p95 (doc ${size} events)`,
          ours: percentile(withSync, 95),
          baseline: percentile(unlinked, 95),
          unit: 'ms',
        },
        { metric: `${SINGLE} appends until all acknowledged`, ours: toAcked, unit: 'ms' },
        {
          metric: `estimate (sum of medians): + full state encode per append (doc ${size})`,
          ours: median(withSync) + full,
          baseline: median(withSync),
          unit: 'ms',
        },
      );
    }
    printTable(
      'Single appends of a linked learner (ours) against a learner without sync (baseline); last row per size: a full-state write per append (ours) against the update rows we store (baseline)',
      'baseline',
      rows,
    );
  } finally {
    await core.close();
    await server.app.close();
  }
});
