// npm run bench -- classroom [--learners N] [--events N] [--store sqlite|postgres|both]: the class server's
// dashboard at the size of a district's school, 10,000 learners with 500 progress events each (the shipped packs'
// ids, a term of work), on SQLite and on a throwaway PostgreSQL: a class report of 40 learners and the whole
// school's module summary through the HTTP routes a teacher's browser calls (p50, p95), the cost of one more
// synced update kept incrementally beside a rebuild of that learner from the documents, and the RSS. Every
// learner's projection is built by the real projector from the generated events (documents are stored for a
// sample, which the incremental/rebuild rows use). Prints the load average at start and end; removes its folders.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import type { ProgressEvent } from '../common/contract/progress.js';
import { SYNC_ROOTS } from '../common/contract/sync-wire.js';
import type { ProgressCatalog } from '../common/progress-rules/catalog.js';
import { loadPackCatalog } from '../sync-server/dashboard/pack-catalog.js';
import { DocStore } from '../sync-server/documents/doc-store.js';
import { createSyncServer } from '../sync-server/server.js';
import type { SyncServer } from '../sync-server/server.js';
import { startPostgres } from '../tests/support/pg-redis.js';
import { median, now, percentile, printLoad, printTable, rng } from './stats.js';

const { values: flags } = parseArgs({
  options: {
    learners: { type: 'string', default: '10000' },
    events: { type: 'string', default: '500' },
    store: { type: 'string', default: 'both' },
  },
});
const LEARNERS = Number(flags.learners);
const EVENTS = Number(flags.events);
const CLASS_SIZE = 40;
const REPORTS = 200;
const SCHOOL = 50;
const SAMPLE = Math.min(50, LEARNERS);
const PASSWORD = 'a bench password of some length';
const TERM_START = Date.parse('2026-01-05T08:00:00Z');
const TERM_MS = 150 * 86_400_000;

/** A learner's term: lessons read in course order, exercises tried (and failed) until they pass, quizzes. */
function learnerEvents(catalog: ProgressCatalog, userId: string, seed: number): ProgressEvent[] {
  const random = rng(seed);
  const events: ProgressEvent[] = [];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const skills = [...catalog.skillTitles.keys()];
  const reach = Math.max(1, Math.ceil(random() * catalog.modules.length));
  let at = TERM_START + random() * 86_400_000;
  const push = (type: ProgressEvent['type'], data: Record<string, unknown>) => {
    at += random() * (TERM_MS / EVENTS);
    events.push({
      eventId: uuidv7({ msecs: Math.floor(at) }),
      type,
      aggregateId: String(Object.values(data)[0]),
      userId,
      timestamp: new Date(at).toISOString(),
      data,
      version: 1,
    } as ProgressEvent);
  };
  while (events.length < EVENTS) {
    const module = catalog.modules[Math.floor(random() * reach)]!;
    const roll = random();
    if (roll < 0.3 && module.lessons.length > 0) {
      const lessonId = pick(module.lessons);
      push('LessonOpened', { lessonId });
      if (random() < 0.8) push('LessonCompleted', { lessonId, timeSpentMs: Math.floor(random() * 600_000) });
    } else if (roll < 0.7 && module.exercises.length > 0) {
      const exerciseId = pick(module.exercises);
      const passing = random() < 0.5;
      push('ExerciseSubmitted', {
        exerciseId,
        codeHash: 'a'.repeat(64),
        tests: [0, 1, 2].map((i) => ({ name: `test_${i}`, status: passing || i > 0 ? 'pass' : 'fail' })),
        durationMs: Math.floor(random() * 4000),
        hintsUsed: Math.floor(random() * 3),
        skills: [pick(skills)],
      });
      if (passing) push('ExerciseCompleted', { exerciseId });
    } else if (module.quizItems.length > 0) {
      push('QuizAnswered', {
        quizItemId: pick(module.quizItems),
        correct: random() < 0.7,
        answer: 'b',
        timeSpentMs: Math.floor(random() * 60_000),
        skills: [pick(skills)],
      });
    }
  }
  return events.slice(0, EVENTS);
}

const rows = (count: number, width: number) =>
  Array.from({ length: count }, () => `(${Array(width).fill('?').join(', ')})`).join(', ');

/** Accounts and classes straight into the tables (no scrypt per learner): what registration and joins leave. */
async function populateAccounts(server: SyncServer, teacherId: string) {
  const learners = Array.from({ length: LEARNERS }, () => randomUUID());
  const classes: string[] = [];
  await server.store.transaction(async (tx) => {
    for (let i = 0; i < learners.length; i += 500) {
      const chunk = learners.slice(i, i + 500);
      await tx.run(
        `INSERT INTO accounts (id, email, display_name, password_hash, role, status, created_at, password_changed_at)
         VALUES ${rows(chunk.length, 8)}`,
        chunk.flatMap((id, j) => [id, `l${i + j}@school.example`, `Learner ${i + j}`, 'x', 'learner', 'active', 0, 0]),
      );
    }
    for (let i = 0; i < learners.length; i += CLASS_SIZE) {
      const classId = randomUUID();
      classes.push(classId);
      await tx.run('INSERT INTO classes (id, name, teacher_id, join_code, created_at) VALUES (?, ?, ?, ?, 0)', [
        classId,
        `Class ${classes.length}`,
        teacherId,
        classId.slice(0, 8).toUpperCase(),
      ]);
      const members = learners.slice(i, i + CLASS_SIZE);
      await tx.run(
        `INSERT INTO class_members (class_id, account_id, joined_at) VALUES ${rows(members.length, 3)}`,
        members.flatMap((id) => [classId, id, 0]),
      );
    }
  });
  return { learners, classes };
}

async function signedIn(server: SyncServer, email: string, role: 'teacher' | 'admin') {
  const { accountId } = await server.services.registration.register({ email, password: PASSWORD, displayName: role });
  await server.store.run('UPDATE accounts SET role = ? WHERE id = ?', [role, accountId]);
  const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: PASSWORD } });
  return { accountId, token: (login.json() as { accessToken: string }).accessToken };
}

async function timeRequests(server: SyncServer, urls: string[], token: string) {
  const samples: number[] = [];
  for (const url of urls) {
    const start = now();
    const response = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    samples.push(now() - start);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  }
  return samples;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function benchStore(store: 'sqlite' | 'postgres', catalog: ProgressCatalog) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-classroom-'));
  const postgres = store === 'postgres' ? await startPostgres() : undefined;
  try {
    const server = await createSyncServer({
      dataDir: dir,
      logger: pino({ level: 'silent' }),
      authRateLimit: { max: 1_000, windowMs: 60_000 },
      ...(postgres && { databaseUrl: postgres.url, tokenSecret: 'b'.repeat(48) }),
      dashboard: { catalog, catchUpAtStart: false },
    });
    try {
      const teacher = await signedIn(server, 'teacher@school.example', 'teacher');
      const admin = await signedIn(server, 'admin@school.example', 'admin');
      let start = now();
      const { learners, classes } = await populateAccounts(server, teacher.accountId);
      console.log(
        `${store}: ${LEARNERS} accounts in ${classes.length} classes in ${((now() - start) / 1000).toFixed(1)} s`,
      );

      // Every learner's projection through the projector, a few learners at a time (PostgreSQL takes them in parallel).
      start = now();
      const { projector } = server.dashboard;
      const inFlight = store === 'postgres' ? 8 : 1;
      for (let i = 0; i < learners.length; i += inFlight) {
        await Promise.all(
          learners.slice(i, i + inFlight).map((id, j) => projector.apply(id, learnerEvents(catalog, id, i + j + 1))),
        );
        if ((i + inFlight) % 2000 < inFlight) process.stdout.write(`  ${i + inFlight} learners projected\r`);
      }
      process.stdout.write('\n');
      const projectSeconds = (now() - start) / 1000;
      console.log(
        `${store}: ${LEARNERS * EVENTS} events projected in ${projectSeconds.toFixed(1)} s ` +
          `(${Math.round((LEARNERS * EVENTS) / projectSeconds)} events/s)`,
      );

      // The sample's events as documents too, one term document each, for the rebuilds.
      const docs = new DocStore(server.store, undefined, projector.committed);
      const sample = learners.slice(0, SAMPLE);
      for (const [i, id] of sample.entries()) {
        const doc = new Y.Doc();
        const map = doc.getMap(SYNC_ROOTS.progress.name);
        doc.transact(() => {
          for (const e of learnerEvents(catalog, id, i + 1)) map.set(e.eventId, e);
        });
        await docs.append(`u/${id}/progress/2026-1`, Y.encodeStateAsUpdate(doc));
        doc.destroy();
      }
      await projector.idle();

      const random = rng(7);
      const classReports = await timeRequests(
        server,
        Array.from({ length: REPORTS }, () => `/dashboard/classes/${classes[Math.floor(random() * classes.length)]}`),
        teacher.token,
      );
      const school = await timeRequests(
        server,
        Array.from({ length: SCHOOL }, () => '/dashboard/school/modules'),
        admin.token,
      );

      // One more event synced by a learner of the sample: the projection kept, against rebuilding that learner.
      const incremental: number[] = [];
      const rebuild: number[] = [];
      for (let round = 0; round < 4; round++) {
        for (const [i, id] of sample.entries()) {
          const device = new Y.Doc();
          const [event] = learnerEvents(catalog, id, 1_000_000 + round * SAMPLE + i);
          device.getMap(SYNC_ROOTS.progress.name).set(event!.eventId, { ...event!, eventId: event!.eventId });
          const update = Y.encodeStateAsUpdate(device);
          device.destroy();
          start = now();
          projector.committed(`u/${id}/progress/2026-1`, update);
          await projector.idle();
          incremental.push(now() - start);
          if (round === 0) {
            start = now();
            await projector.rebuild(id);
            rebuild.push(now() - start);
          }
        }
      }
      const rss = process.memoryUsage().rss;
      printTable(`${store}: ${LEARNERS} learners x ${EVENTS} events`, 'rebuild', [
        { metric: 'class report (40 learners) p50', ours: median(classReports), unit: 'ms' },
        {
          metric: 'class report (40 learners) p95',
          ours: percentile(classReports, 95),
          unit: 'ms',
          target: '<= 100 ms',
        },
        { metric: 'whole-school module summary p50', ours: median(school), unit: 'ms' },
        { metric: 'whole-school module summary p95', ours: percentile(school, 95), unit: 'ms', target: '<= 500 ms' },
        {
          metric: `one synced update, p50 (rebuild: ${EVENTS} events from the documents)`,
          ours: median(incremental),
          baseline: median(rebuild),
          unit: 'ms',
        },
        {
          metric: 'one synced update, p95',
          ours: percentile(incremental, 95),
          baseline: percentile(rebuild, 95),
          unit: 'ms',
        },
        { metric: 'RSS after the run', ours: mb(rss), unit: 'MB' },
      ]);
    } finally {
      await server.app.close();
    }
  } finally {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

printLoad('at start');
const catalog = await loadPackCatalog(join(process.cwd(), 'content-packs'));
console.log(`catalog: ${catalog.modules.length} modules of the shipped packs; ${LEARNERS} learners x ${EVENTS} events`);
for (const store of ['sqlite', 'postgres'] as const) {
  if (flags.store === 'both' || flags.store === store) await benchStore(store, catalog);
}
printLoad('at end');
