// npm run bench -- sync-docsize: how the synced progress log should be laid out in Yjs documents.
// A learner's events as one ever-growing Y.Map (eventId -> event) against the same events sharded per
// learner per term (half year), at 10,000, 100,000 and 1,000,000 events: encoded size, the time to load
// the stored state into a Y.Doc (what the server does before serving a document, and a device at start),
// the time to apply one more event, and heap. Events span five years, about as a heavy learner's would.
// BENCH_SIZES=10000,100000 runs fewer sizes; the heap row needs NODE_OPTIONS=--expose-gc (a full GC
// before each reading), else it is left out and the bench says why.
import * as Y from 'yjs';
import { runBench } from './bench-run.js';
import { canWeighHeap, HEAP_NEEDS, heapAfterGc } from './heap.js';
import { median, now, printTable, rng, spreadOf } from './stats.js';
import type { Row } from './stats.js';
import { SYNC_ROOTS } from '../common/contract/sync-wire.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const START = Date.parse('2022-01-01T00:00:00Z');
const SPAN = 5 * 365 * 86_400_000;
const random = rng(7);

function event(i: number, at: number) {
  return {
    eventId: `0190${i.toString(16).padStart(12, '0')}-7000-8000-${(i * 7919).toString(16).padStart(12, '0')}`,
    type: 'ExerciseSubmitted',
    learnerId: '7b0c2a52-1d7e-4b7e-9d6a-2f3c1e0a9b11',
    at: new Date(at).toISOString(),
    exerciseId: `python-foundations/ex-${i % 45}`,
    passed: random() < 0.7,
    codeHash: (i * 2654435761).toString(16).padStart(16, '0'),
    durationMs: Math.round(random() * 600_000),
    hintsUsed: Math.floor(random() * 3),
    tests: [{ name: 'test_example', status: 'pass' }],
  };
}

const termOf = (at: number) => {
  const d = new Date(at);
  return `${d.getUTCFullYear()}-${d.getUTCMonth() < 6 ? 1 : 2}`;
};

function build(count: number) {
  const whole = new Y.Doc();
  const shards = new Map<string, Y.Doc>();
  const map = whole.getMap(SYNC_ROOTS.progress.name);
  whole.transact(() => {
    for (let i = 0; i < count; i++) {
      const at = START + Math.floor((i / count) * SPAN);
      const e = event(i, at);
      map.set(e.eventId, e);
    }
  });
  for (let i = 0; i < count; i++) {
    const at = START + Math.floor((i / count) * SPAN);
    const term = termOf(at);
    let doc = shards.get(term);
    if (!doc) shards.set(term, (doc = new Y.Doc()));
    const e = event(i, at);
    doc.getMap(SYNC_ROOTS.progress.name).set(e.eventId, e);
  }
  return { whole: Y.encodeStateAsUpdate(whole), shards: [...shards.values()].map((d) => Y.encodeStateAsUpdate(d)) };
}

function loadMs(state: Uint8Array, runs: number) {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    samples.push(now() - start);
    doc.destroy();
  }
  return median(samples);
}

function appendMs(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = now();
    doc.getMap(SYNC_ROOTS.progress.name).set(`extra-${i}`, event(10_000_000 + i, Date.now()));
    samples.push(now() - start);
  }
  return median(samples);
}

/** The heap one loaded document holds: a call of its own, so no frame keeps the last one alive. */
function heapSampleMb(state: Uint8Array) {
  const before = heapAfterGc();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const used = (heapAfterGc() - before) / 1e6;
  doc.destroy();
  return used;
}

/** Weighed several times: a single reading moves with what the collector happened to keep. */
function heapMb(state: Uint8Array, runs: number) {
  return spreadOf(Array.from({ length: runs }, () => heapSampleMb(state)));
}

const spreads: string[] = [];
const heapRow = (count: number, current: Uint8Array, whole: Uint8Array, runs: number): Row[] => {
  if (!canWeighHeap()) return [];
  const ours = heapMb(current, runs);
  const baseline = heapMb(whole, runs);
  const range = (s: typeof ours) => `${s.min.toFixed(2)} - ${s.max.toFixed(2)} MB`;
  spreads.push(`${count}: shard ${range(ours)}, one document ${range(baseline)} (${runs} samples each)`);
  return [{ metric: 'heap of the loaded doc (median)', ours: ours.median, baseline: baseline.median, unit: 'MB' }];
};

await runBench(async () => {
  if (!canWeighHeap()) console.log(HEAP_NEEDS);
  for (const count of SIZES) {
    const { whole, shards } = build(count);
    const current = shards.at(-1)!;
    const runs = count >= 1_000_000 ? 3 : 7;
    printTable(
      `${count.toLocaleString('en')} events over five years: the current term's shard (${shards.length} shards) vs one document`,
      'one doc',
      [
        { metric: 'stored size, MB', ours: current.length / 1e6, baseline: whole.length / 1e6, unit: 'MB' },
        {
          metric: 'all shards together, MB',
          ours: shards.reduce((n, s) => n + s.length, 0) / 1e6,
          baseline: whole.length / 1e6,
          unit: 'MB',
        },
        {
          metric: 'load into a Y.Doc (median)',
          ours: loadMs(current, runs),
          baseline: loadMs(whole, runs),
          unit: 'ms',
        },
        { metric: 'apply one more event (median)', ours: appendMs(current), baseline: appendMs(whole), unit: 'ms' },
        ...heapRow(count, current, whole, runs),
      ],
    );
  }
  if (spreads.length > 0) console.log(`heap spread: ${spreads.join('; ')}`);
});
