// npm run bench -- adaptive: predictPerformance and recommendNextExercise on a generated pack of
// 1,000 exercises for learners with a few hundred events, through the API as every face calls it, on
// both paths the app serves: the simple model (a pack without a model) and the deep one (the same
// pack carrying a DKT model trained here first, as `lionlearn model train` makes it), interleaved
// call by call with a baseline that reads the raw event log and scores every exercise; one training
// epoch of the deep model; and the simulated-learner comparison of `lionlearn model simulate`.
// BENCH_KT_FILE (../shared/data/kt/assist2009_updated_train.csv from the repository) is the deep model's data,
// BENCH_QUICK=1 trains on a tenth of it, BENCH_CALLS (300) sets the timed calls per measure,
// BENCH_KEEP=1 keeps the database, BENCH_KT_FILE=none skips the training epoch. recommendNextExercise is timed
// twice: called again with no new answer (what it keeps is reused) and right after an answer (recorded untimed).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { createApiClient } from '../common/contract/bridge.js';
import type { RecordInput } from '../common/contract/progress.js';
import { TARGET_BAND } from '../main/core/adaptive/adaptive-service.js';
import { Dkt, skillCount } from '../main/core/adaptive/models/dkt.js';
import { APP_MODEL, saveTrained } from '../main/core/adaptive/models/storage/trained-model.js';
import { DeepKt } from '../main/core/adaptive/models/deep-kt.js';
import { readKt } from '../main/core/adaptive/evaluation/kt-data.js';
import { predictFromEvidence } from '../main/core/adaptive/models/performance-prior.js';
import { MASTERED } from '../main/core/adaptive/policy/review-schedule.js';
import type { SkillEvidence } from '../main/core/adaptive/models/performance-prior.js';
import { generateCourse } from '../main/core/adaptive/simulation/course.js';
import { seeded } from '../main/core/adaptive/simulation/random.js';
import { simulate, STANDARD_COURSE, summarise } from '../main/core/adaptive/simulation/simulate.js';
import { loadTf } from '../main/core/adaptive/models/networks/tf-backend.js';
import { createCore } from '../main/core/create-core.js';
import { CORE_DATABASE_FILE } from '../main/core/db/core-database.js';
import { localBridge } from '../main/core/local-bridge.js';
import { runBench } from './bench-run.js';
import { repoPath } from './repo-root.js';
import type { BenchTemp } from './bench-run.js';
import { now, percentile, printTable, rng, timeEach } from './stats.js';
import { writeBenchManifest } from './generated-pack.js';

const MODULES = 20;
const LESSONS_PER_MODULE = 2;
const EXERCISES_PER_MODULE = 50;
const SKILLS = 20;
const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const KT_FILE = process.env.BENCH_KT_FILE ?? repoPath('..', 'shared', 'data', 'kt', 'assist2009_updated_train.csv');
const PACK = 'bench';

const random = rng(42);

/** 20 modules of 2 lessons and 50 exercises; each exercise needs its module's first lesson and has one or two skills. */
function generateSource(parent: string): void {
  const dir = join(parent, PACK);
  const modules = Array.from({ length: MODULES }, (_, m) => {
    const lessons = Array.from({ length: LESSONS_PER_MODULE }, (_, l) => {
      const file = `lessons/m${m}-l${l}.md`;
      mkdirSync(join(dir, 'lessons'), { recursive: true });
      writeFileSync(join(dir, file), `# Lesson ${m}-${l}\n\nText.\n`);
      return { id: `m${m}-l${l}`, title: `Lesson ${m}-${l}`, file, skills: [`s${m % SKILLS}`] };
    });
    const exercises = Array.from({ length: EXERCISES_PER_MODULE }, (_, e) => {
      const exerciseDir = `exercises/m${m}/e${e}`;
      mkdirSync(join(dir, exerciseDir), { recursive: true });
      writeFileSync(join(dir, exerciseDir, 'prompt.md'), `# Exercise ${m}-${e}\n`);
      writeFileSync(join(dir, exerciseDir, 'starter.py'), 'def solve(x):\n    raise NotImplementedError\n');
      writeFileSync(join(dir, exerciseDir, 'solution.py'), 'def solve(x):\n    return x\n');
      writeFileSync(join(dir, exerciseDir, 'tests.py'), 'import unittest\nfrom solution import solve\n');
      const skills = e % 3 === 0 ? [`s${m % SKILLS}`, `s${(m + 1) % SKILLS}`] : [`s${m % SKILLS}`];
      return {
        id: `m${m}-e${e}`,
        title: `Exercise ${m}-${e}`,
        dir: exerciseDir,
        difficulty: 1 + (e % 5),
        skills,
        requires: [`m${m}-l0`],
      };
    });
    return { id: `m${m}`, title: `Module ${m}`, description: 'Generated', lessons, exercises };
  });
  writeBenchManifest(
    dir,
    PACK,
    Array.from({ length: SKILLS }, (_, i) => ({
      id: `s${i}`,
      title: `Skill ${i}`,
      requires: i === 0 ? [] : [`s${i - 1}`],
    })),
    modules,
  );
}

const allLessons = () =>
  Array.from({ length: MODULES * LESSONS_PER_MODULE }, (_, i): RecordInput => ({
    type: 'LessonCompleted',
    data: {
      lessonId: `${PACK}/m${Math.floor(i / LESSONS_PER_MODULE)}-l${i % LESSONS_PER_MODULE}`,
      timeSpentMs: 60_000,
    },
  }));

const submitted = (exerciseId: string, pass: boolean): RecordInput => ({
  type: 'ExerciseSubmitted',
  data: {
    exerciseId,
    codeHash: 'a'.repeat(64),
    tests: [{ name: 't', status: pass ? 'pass' : 'fail' }],
    durationMs: 500,
    hintsUsed: 0,
    skills: [],
  },
});

/**
 * A learner part-way through: every lesson read, 300 submissions on random exercises (two in three
 * pass; the passes complete their exercise). The rule stops at the first exercise in the band.
 */
function typicalHistory(): RecordInput[] {
  const events = allLessons();
  for (let i = 0; i < 300; i++) {
    const exerciseId = `${PACK}/m${Math.floor(random() * MODULES)}-e${Math.floor(random() * EXERCISES_PER_MODULE)}`;
    const pass = random() < 2 / 3;
    events.push(submitted(exerciseId, pass));
    if (pass) events.push({ type: 'ExerciseCompleted', data: { exerciseId } });
  }
  return events;
}

/**
 * A struggling learner: 8 wrong answers on every skill put every exercise below the band (and none is
 * mastered, so none counts as done): the rule finds no exercise in the band, so all 1,000 are scored.
 */
function weakHistory(): RecordInput[] {
  const events = allLessons();
  for (let s = 0; s < SKILLS; s++) {
    for (let i = 0; i < 8; i++) {
      events.push({
        type: 'QuizAnswered',
        data: {
          quizItemId: `${PACK}/quiz-${s}-${i}`,
          correct: false,
          answer: 'x',
          timeSpentMs: 5_000,
          skills: [`${PACK}/s${s}`],
        },
      });
    }
  }
  return events;
}

/**
 * Baseline: no projections, no early stop, no batching. Every call reads the learner's raw events
 * and counts right answers per skill, then looks up each exercise's skills and lessons and scores it.
 */
function naiveAdaptive(db: Database.Database) {
  const answers = db.prepare<[string], { type: string; data: string }>(
    `SELECT type, data FROM events WHERE learner_id = ? AND type IN ('ExerciseSubmitted', 'QuizAnswered')`,
  );
  const done = db.prepare<[string], { id: string }>(
    `SELECT DISTINCT aggregate_id AS id FROM events WHERE learner_id = ? AND type IN ('LessonCompleted', 'ExerciseCompleted')`,
  );
  const exercises = db.prepare<[], { id: string; difficulty: number }>(
    `SELECT s.content_id AS id, e.difficulty
     FROM sequence s JOIN packs k ON k.id = s.pack_id JOIN exercises e ON e.id = s.content_id
     WHERE s.kind = 'exercise' ORDER BY k.title, s.position`,
  );
  const difficulty = db.prepare<[string], { difficulty: number }>('SELECT difficulty FROM exercises WHERE id = ?');
  const skillsOf = db.prepare<[string], { id: string }>(
    'SELECT skill_id AS id FROM content_skills WHERE content_id = ?',
  );
  const lessonsOf = db.prepare<[string], { id: string }>(
    `SELECT required_id AS id FROM prerequisites WHERE graph = 'lesson' AND item_id = ?`,
  );
  const evidenceOf = (learnerId: string) => {
    const bySkill = new Map<string, SkillEvidence>();
    for (const row of answers.all(learnerId)) {
      const data = JSON.parse(row.data) as { skills: string[]; correct?: boolean; tests?: { status: string }[] };
      const right =
        row.type === 'QuizAnswered'
          ? data.correct === true
          : data.tests!.length > 0 && data.tests!.every((t) => t.status === 'pass');
      for (const skill of data.skills) {
        const e = bySkill.get(skill) ?? { correct: 0, attempts: 0 };
        e.attempts += 1;
        e.correct += right ? 1 : 0;
        bySkill.set(skill, e);
      }
    }
    const of = (contentId: string) => skillsOf.all(contentId).flatMap((s) => bySkill.get(s.id) ?? []);
    // Done as the app counts it: completed, or every skill the item practises mastered.
    const mastered = (contentId: string) => {
      const skills = skillsOf.all(contentId);
      return (
        skills.length > 0 &&
        skills.every(({ id }) => {
          const e = bySkill.get(id);
          return e !== undefined && e.attempts >= MASTERED.attempts && e.correct >= e.attempts * MASTERED.share;
        })
      );
    };
    return Object.assign(of, { mastered });
  };
  return {
    predict(learnerId: string, contentId: string) {
      return predictFromEvidence(difficulty.get(contentId)!.difficulty, evidenceOf(learnerId)(contentId)).probability;
    },
    recommend(learnerId: string): string | undefined {
      const evidence = evidenceOf(learnerId);
      const completed = new Set(done.all(learnerId).map((r) => r.id));
      const finished = (id: string) => completed.has(id) || evidence.mastered(id);
      let best: { id: string; distance: number } | undefined;
      for (const e of exercises.all()) {
        if (finished(e.id) || lessonsOf.all(e.id).some((l) => !finished(l.id))) continue;
        const p = predictFromEvidence(e.difficulty, evidence(e.id)).probability;
        const distance = Math.max(0, TARGET_BAND.low - p, p - TARGET_BAND.high);
        if (!best || distance < best.distance) best = { id: e.id, distance };
      }
      return best?.id;
    },
  };
}

/**
 * The app's DKT (its settings, 64 hidden units) trained on generated learners over the pack's skills,
 * saved where the pack's manifest names it, so the core serves it from a learner's first answer.
 */
async function packModel(packDir: string): Promise<{ seconds: number; name: string }> {
  const learn = rng(7);
  const train = Array.from({ length: 200 }, () => {
    const skill = new Float32Array(SKILLS);
    const skills: number[] = [];
    const correct: (0 | 1)[] = [];
    for (let i = 0; i < 50; i++) {
      const k = Math.floor(learn() * SKILLS);
      const right = learn() < 1 / (1 + Math.exp(-(skill[k]! - 0.5 - k / SKILLS)));
      skill[k]! += right ? 0.3 : 0.15;
      skills.push(k);
      correct.push(right ? 1 : 0);
    }
    return { skills, correct };
  });
  const start = now();
  const model = new DeepKt({ ...APP_MODEL, epochs: 2, skills: SKILLS });
  await model.fit(train);
  await saveTrained(model, join(packDir, 'model'), {
    skills: Array.from({ length: SKILLS }, (_, i) => `s${i}`),
    learners: train.length,
    answers: train.length * 50,
    trainedAt: new Date().toISOString(),
    prior: null,
  });
  model.dispose();
  const file = join(packDir, 'pack.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), model: 'model' }));
  return { seconds: (now() - start) / 1000, name: model.name };
}

/**
 * Each of `runs` in turn, item by item, so all run under the same load from whatever else the machine
 * does. With `selfTimed`, each run returns its own time in ms (to leave untimed set-up out).
 */
async function interleavedAll<T, K extends string>(
  items: readonly T[],
  runs: Record<K, (item: T) => unknown>,
  selfTimed = false,
): Promise<Record<K, number[]>> {
  const names = Object.keys(runs) as K[];
  const times = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (const item of items) {
    for (const k of names) {
      times[k].push(...(selfTimed ? [(await runs[k](item)) as number] : await timeEach([item], runs[k])));
    }
  }
  return times;
}

async function deepEpoch(): Promise<{
  seconds: number;
  learners: number;
  answers: number;
  loss: number;
  backend: string;
}> {
  const all = await readKt(KT_FILE);
  const train = process.env.BENCH_QUICK ? all.slice(0, Math.ceil(all.length / 10)) : all;
  const backend = await loadTf();
  let loss = NaN;
  // No held-out share: the pass is training alone, over every learner given.
  const model = new Dkt({ epochs: 1, validation: 0, skills: skillCount(all), onEpoch: (_, l) => (loss = l) });
  const start = now();
  await model.fit(train);
  return {
    seconds: (now() - start) / 1000,
    learners: train.length,
    answers: train.reduce((n, s) => n + s.skills.length, 0),
    loss,
    backend: backend.name,
  };
}

async function main(temp: BenchTemp) {
  const root = temp.folder('bench-adaptive-');
  const bundled = { simple: join(root, 'simple'), deep: join(root, 'deep') };
  generateSource(bundled.simple);
  generateSource(bundled.deep);
  const trained = await packModel(join(bundled.deep, PACK));
  console.log(`${trained.name} for the pack (the app's settings, 2 epochs) trained in ${trained.seconds.toFixed(1)} s`);
  const open = async (path: 'simple' | 'deep') => {
    const dataDir = join(root, `data-${path}`);
    const core = await createCore({
      dataDir,
      appVersion: '1.0.0',
      bundledPacksDir: bundled[path],
      logger: pino({ level: 'silent' }),
    });
    return { core, api: createApiClient(localBridge(core)), dataDir };
  };
  const paths = { simple: await open('simple'), deep: await open('deep') };
  const db = new Database(join(paths.simple.dataDir, CORE_DATABASE_FILE), { readonly: true });
  const naive = naiveAdaptive(db);

  const learners = [];
  for (const [label, history] of [
    ['typical learner', typicalHistory()],
    ['weak learner (every exercise below the band: all scored)', weakHistory()],
  ] as const) {
    const sessions = { simple: '', deep: '' };
    let id = '';
    for (const path of ['simple', 'deep'] as const) {
      const { api, core } = paths[path];
      const { session, learner } = await api.createLearner({ profile: { displayName: label } });
      // Code runs' results among them: only the core records those, so not through the API.
      await core.recordProgress(session, history);
      sessions[path] = session;
      if (path === 'simple') id = learner.id;
    }
    learners.push({ label, sessions, id, events: history.length, weak: label.startsWith('weak') });
  }
  const exerciseCount = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM exercises`).get()!.n;
  console.log(
    `Pack: ${exerciseCount} exercises in ${MODULES} modules, ${SKILLS} skills; learners: ${learners.map((l) => `${l.label} with ${l.events} events`).join('; ')}`,
  );

  const ids = Array.from(
    { length: CALLS },
    () => `${PACK}/m${Math.floor(random() * MODULES)}-e${Math.floor(random() * EXERCISES_PER_MODULE)}`,
  );
  const rows = [];
  const notes: string[] = [];
  for (const learner of learners) {
    const { sessions } = learner;
    const predict = (path: 'simple' | 'deep', contentId: string) =>
      paths[path].api.predictPerformance({ session: sessions[path], contentId });
    const recommend = (path: 'simple' | 'deep') => paths[path].api.recommendNextExercise({ session: sessions[path] });
    const served = await predict('deep', ids[0]!);
    if (!served.model.startsWith('DKT')) throw new Error(`the deep path answered from ${served.model}: ${served.note}`);
    // Warm up both paths (the first deep read replays the learner's history once).
    for (const contentId of ids.slice(0, 20))
      await Promise.all([predict('simple', contentId), predict('deep', contentId)]);
    const predicted = await interleavedAll(ids, {
      simple: (contentId: string) => predict('simple', contentId),
      deep: (contentId: string) => predict('deep', contentId),
      baseline: (contentId: string) => naive.predict(learner.id, contentId),
    });
    for (let i = 0; i < 10; i++) await Promise.all([recommend('simple'), recommend('deep')]);
    const recommended = await interleavedAll(Array.from({ length: CALLS }), {
      simple: () => recommend('simple'),
      deep: () => recommend('deep'),
      baseline: () => naive.recommend(learner.id),
    });
    const ours = await recommend('simple');
    if (ours?.contentId !== naive.recommend(learner.id))
      notes.push(`the baseline recommends another exercise for the ${learner.label}`);
    const deepPick = await recommend('deep');
    notes.push(
      `${learner.label}: the deep path (${served.model}) recommends ${deepPick?.contentId} (p ${deepPick?.probability?.toFixed(2)}), the simple one ${ours?.contentId}`,
    );
    // Right after an answer (recorded untimed on both paths; last, as it changes the learner): the learner's
    // pace is measured again and the deep model's state takes a step, which calls with no new answer reuse.
    const answerAgain = (i: number): RecordInput => {
      const exerciseId = `${PACK}/m${i % MODULES}-e${(i * 7) % EXERCISES_PER_MODULE}`;
      return submitted(exerciseId, learner.weak ? false : i % 3 !== 0);
    };
    const afterAnswer = await interleavedAll(
      Array.from({ length: CALLS }, (_, i) => i),
      {
        simple: async (i: number) => {
          await paths.simple.core.recordProgress(sessions.simple, [answerAgain(i)]);
          const start = now();
          await recommend('simple');
          return now() - start;
        },
        deep: async (i: number) => {
          await paths.deep.core.recordProgress(sessions.deep, [answerAgain(i)]);
          const start = now();
          await recommend('deep');
          return now() - start;
        },
        baseline: () => {
          const start = now();
          naive.recommend(learner.id);
          return now() - start;
        },
      },
      true,
    );
    for (const [what, times, target] of [
      ['predictPerformance', predicted, '<= 5 ms'],
      ['recommendNextExercise', recommended, '<= 20 ms'],
      ['recommendNextExercise after an answer', afterAnswer, '<= 20 ms'],
    ] as const) {
      for (const path of ['simple', 'deep'] as const) {
        for (const p of [50, 95]) {
          rows.push({
            metric: `${learner.label.split(' (')[0]}: ${what} ${path} p${p}`,
            ours: percentile(times[path], p),
            baseline: percentile(times.baseline, p),
            unit: 'ms',
            ...(p === 95 ? { target } : {}),
          });
        }
      }
    }
  }
  printTable(
    `Adaptive reads over ${exerciseCount} exercises (${CALLS} calls each; simple path, deep path and baseline in turn, call by call) vs the raw event log read and every exercise looked up and scored`,
    'raw log, score all',
    rows,
  );
  for (const note of notes) console.log(note);
  db.close();
  await paths.simple.core.close();
  await paths.deep.core.close();

  const { skills, itemsPerSkill, budget } = STANDARD_COURSE;
  let start = now();
  const results = simulate(generateCourse(skills, itemsPerSkill, seeded(1)), { learners: 1000, seed: 1, budget });
  console.log(
    `\nSimulated learners (lionlearn model simulate): 1000 per policy, ${skills} skills x ${itemsPerSkill} items, ` +
      `at most ${budget} exercises, in ${((now() - start) / 1000).toFixed(2)} s`,
  );
  console.table(summarise(results));

  if (KT_FILE === 'none') return;
  if (!existsSync(KT_FILE)) {
    console.log(`deep model left out: ${KT_FILE} is not there (BENCH_KT_FILE names another, or none)`);
    return;
  }
  start = now();
  const deep = await deepEpoch();
  printTable(`Deep model (DKT, ${deep.backend} backend), one epoch on ${KT_FILE}`, 'none', [
    {
      metric: `one epoch: ${deep.learners} learners, ${deep.answers} answers (training loss ${deep.loss.toFixed(4)})`,
      ours: deep.seconds,
      unit: 's',
    },
    { metric: 'answers per second', ours: deep.answers / deep.seconds, unit: 'ans/s' },
  ]);
  console.log(`deep model: data read, backend loaded and one epoch in ${((now() - start) / 1000).toFixed(1)} s`);
}

await runBench(main);
