// npm run bench -- progress: appends (one at a time and batched) and the progress summary of a
// learner with 100,000 events, alone and among 50 learners: appends through the core's record path
// (code runs' results among them, which no face may post), summaries through the API as every face
// calls it (createApiClient(localBridge(core))), a real SQLite file in WAL mode with synchronous = FULL,
// each against a simpler baseline run side by side: the event row alone without projections, and
// the same summary aggregated from the raw log at read time.
// BENCH_EVENTS (100000) sets the big learner's events; the others get a fifth of it each (or
// BENCH_OTHER_EVENTS). BENCH_LEARNERS (50), BENCH_SINGLE (2000 one-at-a-time appends),
// BENCH_SUMMARIES (200 calls), BENCH_NAIVE (20 calls of the baseline), BENCH_WRITERS (8 appends arriving
// at once, BENCH_ROUNDS (300) times: group commit), BENCH_DIR (the temp folder), BENCH_KEEP=1 keeps the databases.
import { cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { LearnApi } from '../common/contract/api.js';
import type { RecordInput } from '../common/contract/progress.js';
import { createApiClient } from '../common/contract/bridge.js';
import type { ProgressEvent, ProgressSummary } from '../common/contract/progress.js';
import { findDamage, openDatabase } from '../infra/sqlite/open-database.js';
import { createCore } from '../main/core/create-core.js';
import { CORE_DATABASE_FILE, openCoreDatabase } from '../main/core/db/core-database.js';
import { localBridge } from '../main/core/local-bridge.js';
import { ProgressLog } from '../main/core/progress/progress-log.js';
import { lastDays, localDay, streaks } from '../common/progress-rules/activity-days.js';
import { runBench } from './bench-run.js';
import type { BenchTemp } from './bench-run.js';
import { repoPath } from './repo-root.js';
import { interleaved, median, now, percentile, printTable, rng, timeEach } from './stats.js';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const EVENTS = knob('BENCH_EVENTS', 100_000);
const LEARNERS = knob('BENCH_LEARNERS', 50);
const OTHER_EVENTS = knob('BENCH_OTHER_EVENTS', Math.round(EVENTS / 5));
const SINGLE = Math.min(knob('BENCH_SINGLE', 2000), EVENTS);
const SUMMARIES = knob('BENCH_SUMMARIES', 200);
const NAIVE = knob('BENCH_NAIVE', 20);
const WRITERS = knob('BENCH_WRITERS', 8);
const ROUNDS = knob('BENCH_ROUNDS', 300);
const BATCH = 1000;
const DISTINCT = { lessons: 120, exercises: 90, quizItems: 90 };
const PACK = 'python-foundations';
const NOW = new Date('2026-06-01T23:30:00.000Z');
const SUMMARY_INPUT = { tzOffsetMinutes: -120, days: 30 };
const DAY_MS = 86_400_000;

// Code runs' results among them, which only the core records: appends go through its record path.
type Input = RecordInput;
type Row = [string, string, string, string, string, string, number];
interface Ids {
  lessons: string[];
  exercises: string[];
  quizItems: string[];
  skills: string[];
  /** Skills sent with events about ids the pack does not have; the core looks up the pack's own. */
  sent: Map<string, string[]>;
  /** The pack's skills of its own ids, as the core stamps them, for the rows of the baselines. */
  packSkills: Map<string, string[]>;
  real: number;
}

/**
 * A year of one learner: active on about 60% of days (and on each of the last five, so there is a
 * current streak), between 07:00 and 22:00 UTC, in time order, with a mix of every kind of action.
 */
function generate(count: number, seed: number, ids: Ids): Input[] {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const today = Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate());
  const days: number[] = [];
  for (let d = 364; d >= 0; d--) if (d < 5 || random() < 0.6) days.push(today - d * DAY_MS);
  const times = Array.from({ length: count }, () => pick(days) + Math.floor((7 + random() * 15) * 3_600_000)).sort(
    (a, b) => a - b,
  );
  const skilled = (id: string) => (ids.sent.has(id) ? { skills: ids.sent.get(id)! } : {});
  return times.map((time): Input => {
    const timestamp = new Date(time).toISOString();
    const r = random();
    if (r < 0.2) return { type: 'LessonOpened', timestamp, data: { lessonId: pick(ids.lessons) } };
    if (r < 0.3) {
      return {
        type: 'LessonCompleted',
        timestamp,
        data: { lessonId: pick(ids.lessons), timeSpentMs: between(30_000, 1_200_000) },
      };
    }
    if (r < 0.4) return { type: 'ExerciseStarted', timestamp, data: { exerciseId: pick(ids.exercises) } };
    if (r < 0.63) {
      const exerciseId = pick(ids.exercises);
      const pass = random();
      return {
        type: 'ExerciseSubmitted',
        timestamp,
        data: {
          exerciseId,
          codeHash: Array.from({ length: 8 }, () => (random() * 2 ** 32).toString(16).padStart(8, '0')).join(''),
          tests: Array.from({ length: between(3, 8) }, (_, i) => ({
            name: `test_case_${i}`,
            status: random() < pass ? 'pass' : random() < 0.9 ? 'fail' : 'error',
          })),
          durationMs: between(40, 3000),
          hintsUsed: between(0, 3),
          ...skilled(exerciseId),
        },
      };
    }
    if (r < 0.66) return { type: 'ExerciseCompleted', timestamp, data: { exerciseId: pick(ids.exercises) } };
    if (r < 0.92) {
      const quizItemId = pick(ids.quizItems);
      return {
        type: 'QuizAnswered',
        timestamp,
        data: {
          quizItemId,
          correct: random() < 0.7,
          answer: String(between(0, 99)),
          timeSpentMs: between(2_000, 60_000),
          ...skilled(quizItemId),
        },
      };
    }
    return { type: 'ReviewDone', timestamp, data: { skillId: pick(ids.skills), rating: between(1, 4) } };
  });
}

const aggregateOf = (input: Input) => {
  const data = input.data as Record<string, unknown>;
  return String(data.lessonId ?? data.exerciseId ?? data.quizItemId ?? data.assessmentId ?? data.skillId);
};

/** The event as the log stores it, stamped as the core stamps it (skills from the pack when none were sent). */
const toEvent = (userId: string, input: Input, packSkills: Map<string, string[]>) => {
  const aggregateId = aggregateOf(input);
  const skilled = input.type === 'ExerciseSubmitted' || input.type === 'QuizAnswered';
  return {
    eventId: uuidv7(),
    type: input.type,
    aggregateId,
    userId,
    timestamp: input.timestamp!,
    data: skilled ? { skills: packSkills.get(aggregateId) ?? [], ...input.data } : input.data,
    version: 1,
  } as ProgressEvent;
};

const toRow = (e: ProgressEvent): Row => [
  e.eventId,
  e.userId,
  e.type,
  e.aggregateId,
  e.timestamp,
  JSON.stringify(e.data),
  e.version,
];

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The pack's real ids (lessons, exercises, quiz items, skills), topped up with ids it does not have. */
async function contentIds(api: LearnApi, db: Database.Database): Promise<Ids> {
  const lessons: string[] = [];
  const exercises: string[] = [];
  for (const module of await api.listModules()) {
    const structure = await api.getModuleStructure({ moduleId: module.id });
    lessons.push(...structure.lessons.map((l) => l.id));
    exercises.push(...structure.exercises.map((e) => e.id));
  }
  const column = (sql: string) =>
    db
      .prepare<[], { id: string }>(sql)
      .all()
      .map((r) => r.id);
  const quizItems = column('SELECT id FROM quiz_items ORDER BY id');
  const skills = column('SELECT id FROM skills ORDER BY id');
  const real = lessons.length + exercises.length + quizItems.length;
  const packSkills = new Map<string, string[]>();
  const tags = db.prepare<[], { contentId: string; skillId: string }>(
    'SELECT content_id AS contentId, skill_id AS skillId FROM content_skills ORDER BY content_id, skill_id',
  );
  for (const { contentId, skillId } of tags.all())
    packSkills.set(contentId, [...(packSkills.get(contentId) ?? []), skillId]);
  const random = rng(7);
  const sent = new Map<string, string[]>();
  const topUp = (list: string[], kind: string, size: number) => {
    for (let i = list.length; i < size; i++) {
      const id = `${PACK}/bench-${kind}-${i}`;
      list.push(id);
      sent.set(id, [...new Set([skills[Math.floor(random() * skills.length)]!, skills[i % skills.length]!])]);
    }
  };
  topUp(lessons, 'lesson', DISTINCT.lessons);
  topUp(exercises, 'exercise', DISTINCT.exercises);
  topUp(quizItems, 'quiz', DISTINCT.quizItems);
  return { lessons, exercises, quizItems, skills, sent, packSkills, real };
}

/**
 * Baseline: no projections. The same summary computed at read time by aggregating the learner's
 * raw events (GROUP BY with json_extract), joined with the catalog the same way.
 */
function naiveSummary(db: Database.Database) {
  const q = {
    modules: db.prepare<{ learner: string }, ProgressSummary['modules'][number]>(
      `WITH done AS MATERIALIZED (
         SELECT DISTINCT aggregate_id AS id FROM events WHERE learner_id = :learner
           AND (type IN ('LessonCompleted', 'ExerciseCompleted')
             OR (type = 'QuizAnswered' AND json_extract(data, '$.correct'))))
       SELECT m.id AS moduleId, m.pack_id AS packId, m.title AS title,
         (SELECT count(*) FROM lessons WHERE module_id = m.id)
           + (SELECT count(*) FROM exercises WHERE module_id = m.id)
           + (SELECT count(*) FROM quiz_items WHERE module_id = m.id) AS total,
         (SELECT count(*) FROM done d JOIN lessons c ON c.id = d.id WHERE c.module_id = m.id)
           + (SELECT count(*) FROM done d JOIN exercises c ON c.id = d.id WHERE c.module_id = m.id)
           + (SELECT count(*) FROM done d JOIN quiz_items c ON c.id = d.id WHERE c.module_id = m.id) AS completed
       FROM modules m JOIN packs k ON k.id = m.pack_id
       ORDER BY k.title, m.position`,
    ),
    packs: db.prepare<[], { packId: string; title: string }>('SELECT id AS packId, title FROM packs ORDER BY title'),
    counts: db.prepare<[string], { lessons: number; exercises: number; quiz: number }>(
      `SELECT count(DISTINCT CASE WHEN type = 'LessonCompleted' THEN aggregate_id END) AS lessons,
              count(DISTINCT CASE WHEN type = 'ExerciseCompleted' THEN aggregate_id END) AS exercises,
              count(DISTINCT CASE WHEN type = 'QuizAnswered' AND json_extract(data, '$.correct')
                THEN aggregate_id END) AS quiz
       FROM events WHERE learner_id = ?`,
    ),
    mastery: db.prepare<[string], ProgressSummary['mastery'][number]>(
      `SELECT j.value AS skillId, coalesce(s.title, j.value) AS title,
         sum(CASE e.type WHEN 'QuizAnswered' THEN json_extract(e.data, '$.correct')
           ELSE (SELECT count(*) > 0 AND sum(t.value ->> 'status' = 'pass') = count(*)
                 FROM json_each(e.data, '$.tests') t) END) AS correct,
         count(*) AS attempts
       FROM events e JOIN json_each(e.data, '$.skills') j LEFT JOIN skills s ON s.id = j.value
       WHERE e.learner_id = ? AND e.type IN ('ExerciseSubmitted', 'QuizAnswered')
       GROUP BY j.value ORDER BY title`,
    ),
    days: db.prepare<[string, string], { day: string; events: number; timeMs: number }>(
      `SELECT date(timestamp, ?) AS day, count(*) AS events,
         sum(CASE type WHEN 'LessonCompleted' THEN json_extract(data, '$.timeSpentMs')
           WHEN 'ExerciseSubmitted' THEN json_extract(data, '$.durationMs')
           WHEN 'QuizAnswered' THEN json_extract(data, '$.timeSpentMs') ELSE 0 END) AS timeMs
       FROM events WHERE learner_id = ? GROUP BY day ORDER BY day`,
    ),
    resume: db.prepare<[string], NonNullable<ProgressSummary['resume']>>(
      `SELECT e.aggregate_id AS contentId, s.kind AS kind, s.title AS title, s.module_id AS moduleId, e.timestamp AS at
       FROM events e LEFT JOIN sequence s ON s.content_id = e.aggregate_id
       WHERE e.learner_id = ? AND e.type IN ('LessonOpened', 'ExerciseStarted')
       ORDER BY e.timestamp DESC, e.event_id DESC LIMIT 1`,
    ),
  };
  return (learnerId: string, { tzOffsetMinutes, days: dayCount }: typeof SUMMARY_INPUT): ProgressSummary => {
    const modules = q.modules.all({ learner: learnerId });
    const packs = q.packs.all().map((pack) => {
      const own = modules.filter((m) => m.packId === pack.packId);
      return {
        ...pack,
        total: own.reduce((n, m) => n + m.total, 0),
        completed: own.reduce((n, m) => n + m.completed, 0),
      };
    });
    const counts = q.counts.get(learnerId)!;
    const active = q.days.all(`${-tzOffsetMinutes} minutes`, learnerId);
    const today = localDay(NOW, tzOffsetMinutes);
    const { current, longest } = streaks(
      active.map((d) => d.day),
      today,
    );
    const days = lastDays(today, dayCount, new Map(active.map((d) => [d.day, d])));
    return {
      learnerId,
      lessonsCompleted: counts.lessons,
      exercisesCompleted: counts.exercises,
      quizItemsCorrect: counts.quiz,
      packs,
      modules,
      mastery: q.mastery.all(learnerId),
      streakDays: current,
      longestStreakDays: longest,
      timeOnTaskMs: active.reduce((n, d) => n + d.timeMs, 0),
      days,
      resume: q.resume.get(learnerId) ?? null,
    };
  };
}

/** Baseline for appends: the event row alone, into the same schema and pragmas, without projections. */
function rowOnly(dir: string) {
  const { db } = openCoreDatabase(dir);
  const insert = db.prepare<Row>(
    `INSERT OR IGNORE INTO events (event_id, learner_id, type, aggregate_id, timestamp, data, version)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const append = db.transaction((events: ProgressEvent[]) => events.forEach((e) => insert.run(...toRow(e))));
  return { append, close: () => db.close() };
}

const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const perSecond = (events: number, ms: number) => (events / ms) * 1000;

async function main(temp: BenchTemp) {
  const root = temp.folder('bench-progress-');
  const bundled = join(root, 'bundled');
  mkdirSync(bundled);
  // A copy, not a symlink: installBundledPacks only looks at real folders.
  cpSync(repoPath('content-packs', PACK), join(bundled, PACK), { recursive: true });
  const dataDir = join(root, 'data');
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: bundled,
    logger: pino({ level: 'silent' }),
    now: () => NOW,
  });
  const api = createApiClient(localBridge(core));
  const file = join(dataDir, CORE_DATABASE_FILE);
  const reader = new Database(file, { readonly: true });
  const naive = naiveSummary(reader);
  const ids = await contentIds(api, reader);
  console.log(
    `Pack ${PACK}: ${ids.real} real content ids (+${DISTINCT.lessons + DISTINCT.exercises + DISTINCT.quizItems - ids.real} ` +
      `it does not have), ${ids.skills.length} skills; one learner with ${EVENTS} events, ` +
      `${LEARNERS - 1} with ${OTHER_EVENTS} each, in ${root}`,
  );

  // Warm up the JIT on a throwaway learner, so the first timed batches are not the first code run.
  const warm = await api.createLearner({ profile: { displayName: 'Warm-up' } });
  for (const events of chunks(generate(3 * BATCH, 99, ids), BATCH)) {
    await core.recordProgress(warm.session, events);
  }

  // 1 and 2: the big learner's year, all but the last SINGLE events in batches, then those one at a time.
  const big = await api.createLearner({ profile: { displayName: 'Big' } });
  const inputs = generate(EVENTS, 1, ids);
  const batched = inputs.slice(0, EVENTS - SINGLE);
  let start = now();
  for (const events of chunks(batched, BATCH)) await core.recordProgress(big.session, events);
  const batchMs = now() - start;

  const floor = rowOnly(join(root, 'row-only'));
  const rows = inputs.map((input) => toEvent(big.learner.id, input, ids.packSkills));
  start = now();
  for (const events of chunks(rows.slice(0, batched.length), BATCH)) floor.append(events);
  const floorBatchMs = now() - start;
  // Where the time goes: the same log without the core's stamping and skill look-ups.
  const direct = openCoreDatabase(join(root, 'direct')).db;
  const log = new ProgressLog(direct);
  start = now();
  for (const events of chunks(rows.slice(0, batched.length), BATCH)) log.append(events);
  const directBatchMs = now() - start;

  // The last SINGLE events one at a time, each append and the event row alone in turn.
  const single = await interleaved(
    Array.from({ length: SINGLE }, (_, i) => batched.length + i),
    (i) => core.recordProgress(big.session, [inputs[i]!]),
    (i) => floor.append([rows[i]!]),
  );
  const singleMs = single.ours.reduce((a, b) => a + b, 0);
  floor.close();

  // WRITERS appends arriving at once (callers of the API, one event each), ROUNDS times: through the
  // core they are committed in one group; the baseline commits each alone (the same log and
  // projections, ProgressLog.append), as the record path did before, so the k-th hears back after k
  // commits. Each append's time runs from the round's start to its acknowledgement. Round by round in turn.
  const extra = generate(WRITERS * ROUNDS, 5, ids);
  const together = { ours: [] as number[], baseline: [] as number[], oursMs: 0, baselineMs: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const arriving = extra.slice(round * WRITERS, (round + 1) * WRITERS);
    const begin = now();
    await Promise.all(
      arriving.map((input) => core.recordProgress(big.session, [input]).then(() => together.ours.push(now() - begin))),
    );
    together.oursMs += now() - begin;
    const alone = now();
    for (const input of arriving) {
      log.append([toEvent(big.learner.id, input, ids.packSkills)]);
      together.baseline.push(now() - alone);
    }
    together.baselineMs += now() - alone;
  }
  direct.close();
  // 3: the summary of the big learner, alone on the machine; the baseline must give the same summary.
  const mismatches: string[] = [];
  const summarise = async (label: string, session: string, learnerId: string) => {
    for (let i = 0; i < 10; i++) await api.getProgressSummary({ session, ...SUMMARY_INPUT }); // warm up
    const ours = await timeEach(Array.from({ length: SUMMARIES }), () =>
      api.getProgressSummary({ session, ...SUMMARY_INPUT }),
    );
    const baseline = await timeEach(Array.from({ length: NAIVE }), () => naive(learnerId, SUMMARY_INPUT));
    const expected = await api.getProgressSummary({ session, ...SUMMARY_INPUT });
    if (!isDeepStrictEqual(naive(learnerId, SUMMARY_INPUT), expected)) mismatches.push(label);
    return { label, ours, baseline };
  };
  const summaries = [await summarise(`alone, ${EVENTS} events:`, big.session, big.learner.id)];

  // 4: the others, in batches, then the summaries again.
  let othersMs = 0;
  let last = big;
  for (let l = 1; l < LEARNERS; l++) {
    last = await api.createLearner({ profile: { displayName: `Learner ${l}` } });
    const events = chunks(generate(OTHER_EVENTS, 1 + l, ids), BATCH);
    start = now();
    for (const batch of events) await core.recordProgress(last.session, batch);
    othersMs += now() - start;
  }
  if (LEARNERS > 1) {
    summaries.push(await summarise(`${LEARNERS} learners, the ${EVENTS}-event one:`, big.session, big.learner.id));
    summaries.push(await summarise(`${LEARNERS} learners, one with ${OTHER_EVENTS}:`, last.session, last.learner.id));
  }
  const total = reader.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()!.n;

  const summaryRows = ({ label, ours, baseline }: (typeof summaries)[number]) =>
    [50, 95, 99].map((p) => ({
      metric: `${label} p${p}`,
      ours: percentile(ours, p),
      baseline: percentile(baseline, p),
      unit: 'ms',
      ...(p === 99 ? { target: '<= 10 ms' } : {}),
    }));
  printTable(`Appends through the core, WAL + synchronous = FULL (${EVENTS} events of one learner)`, 'row only', [
    { metric: `one at a time (recordProgress x ${SINGLE})`, ours: perSecond(SINGLE, singleMs), unit: 'ev/s' },
    {
      metric: 'one append p50 vs the event row alone (in turn)',
      ours: median(single.ours),
      baseline: median(single.baseline),
      unit: 'ms',
    },
    {
      metric: 'one append p99',
      ours: percentile(single.ours, 99),
      baseline: percentile(single.baseline, 99),
      unit: 'ms',
      target: '<= 2 ms',
    },
    ...[50, 99].map((p) => ({
      metric: `${WRITERS} appends at once, each until acknowledged, p${p} vs each committed alone`,
      ours: percentile(together.ours, p),
      baseline: percentile(together.baseline, p),
      unit: 'ms',
    })),
    {
      metric: `${WRITERS} appends at once, ${ROUNDS} rounds: time per event vs each committed alone`,
      ours: (together.oursMs / (WRITERS * ROUNDS)) * 1000,
      baseline: (together.baselineMs / (WRITERS * ROUNDS)) * 1000,
      unit: 'us',
    },
    {
      metric: `batched (recordProgress x ${BATCH})`,
      ours: perSecond(batched.length, batchMs),
      unit: 'ev/s',
      target: '>= 20,000 ev/s',
    },
    {
      metric: 'batched, per event vs the event row alone',
      ours: (batchMs / batched.length) * 1000,
      baseline: (floorBatchMs / batched.length) * 1000,
      unit: 'us',
    },
    {
      metric: 'batched, ProgressLog.append alone (validated)',
      ours: (directBatchMs / batched.length) * 1000,
      baseline: (floorBatchMs / batched.length) * 1000,
      unit: 'us',
    },
    ...(LEARNERS > 1
      ? [
          {
            metric: `batched, ${LEARNERS - 1} more learners (log grows to ${total})`,
            ours: perSecond((LEARNERS - 1) * OTHER_EVENTS, othersMs),
            unit: 'ev/s',
            target: '>= 20,000 ev/s',
          },
        ]
      : []),
  ]);
  printTable(
    `getProgressSummary (${SUMMARIES} calls) vs aggregating the raw events at read time (${NAIVE} calls)`,
    'GROUP BY events',
    summaries.flatMap(summaryRows),
  );
  console.log(
    mismatches.length === 0
      ? 'The baseline gives the same summary as getProgressSummary for every learner measured.'
      : `warning: the baseline's summary differs from getProgressSummary (${mismatches.join(', ')})`,
  );

  reader.close();
  core.close();
  const checks = [0, 1, 2].map(() => {
    const db = openDatabase(file);
    const begin = now();
    const damage = findDamage(db);
    const elapsed = now() - begin;
    db.close();
    if (damage) console.log(`quick_check: ${damage}`);
    return elapsed;
  });
  console.log(
    `database: ${mb(fileSize(file))} (+ WAL ${mb(fileSize(`${file}-wal`))}), ${total} events; ` +
      `PRAGMA quick_check at start: ${(median(checks) / 1000).toFixed(2)} s (runs: ${checks.map((t) => (t / 1000).toFixed(2)).join(', ')} s); ` +
      `row-only baseline file: ${mb(fileSize(join(root, 'row-only', CORE_DATABASE_FILE)))} for ${EVENTS} events`,
  );
}

await runBench(main);
