// npm run bench -- content: install, search and next-content on a generated pack of
// 10,000 lessons and 5,000 exercises, each against a simpler baseline run side by side.
// BENCH_SLOWEST=1 also prints the slowest queries.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { buildPackArchive } from '../content-packs/format/pack-archive.js';
import { generateSigningKeys } from '../content-packs/format/signing.js';
import { createCore } from '../main/core/create-core.js';
import { median, now, percentile, printTable, rng, timeEach } from './stats.js';

const MODULES = 100;
const LESSONS_PER_MODULE = 100;
const EXERCISES_PER_MODULE = 50;
const QUERIES = 1000;

const random = rng(42);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const BASE = `variable function loop list dictionary tuple string integer float boolean class method object
  attribute inheritance exception generator iterator decorator closure lambda comprehension module package import
  async await coroutine task queue branch session model operation tool schema validation pydantic agent message
  prompt response parse format slice index append extend insert remove sort reverse filter map reduce zip range
  enumerate yield return raise try except finally context manager file path json csv datetime random math regex`
  .split(/\s+/)
  .filter(Boolean);
// Text follows Zipf's law, like natural language: word k appears with weight 1/k. The first
// words are the base programming terms, so the most common ones occur in nearly every lesson.
const VOCAB = [...BASE, ...Array.from({ length: 5000 }, (_, i) => `${pick(BASE)}${i.toString(36)}`)];
const CDF = (() => {
  let sum = 0;
  return VOCAB.map((_, k) => (sum += 1 / (k + 1)));
})();
function zipfRank(): number {
  const target = random() * CDF[CDF.length - 1]!;
  let lo = 0;
  let hi = CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CDF[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const word = () => VOCAB[zipfRank()]!;
const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
/** A query word: one time in five among the 50 most common words (the slow case), else a topical one. */
const COMMON = 50;
const queryWord = () =>
  random() < 0.2 ? VOCAB[Math.floor(random() * COMMON)]! : VOCAB[COMMON + Math.floor(random() * 3000)]!;

function generateSource(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pack-'));
  const modules = [];
  for (let m = 0; m < MODULES; m++) {
    const lessons = [];
    const exercises = [];
    for (let l = 0; l < LESSONS_PER_MODULE; l++) {
      const file = `lessons/m${m}/l${l}.md`;
      mkdirSync(join(dir, `lessons/m${m}`), { recursive: true });
      const body = `# Lesson ${m}-${l}\n\n${sentence(120)}\n\n\`\`\`python\ndef ${pick(BASE)}_${l}(x):\n    return x\n\`\`\`\n\n${sentence(60)}\n`;
      writeFileSync(join(dir, file), body);
      lessons.push({ id: `m${m}-l${l}`, title: `Lesson ${m}-${l}: ${sentence(3)}`, file, skills: [`s${m % 20}`] });
    }
    for (let e = 0; e < EXERCISES_PER_MODULE; e++) {
      const exerciseDir = `exercises/m${m}/e${e}`;
      mkdirSync(join(dir, exerciseDir), { recursive: true });
      writeFileSync(join(dir, exerciseDir, 'prompt.md'), `# Exercise ${m}-${e}\n\n${sentence(50)}\n`);
      writeFileSync(
        join(dir, exerciseDir, 'starter.py'),
        `def solve(x):\n    raise NotImplementedError  # ${sentence(5)}\n`,
      );
      writeFileSync(join(dir, exerciseDir, 'solution.py'), 'def solve(x):\n    return x\n');
      writeFileSync(join(dir, exerciseDir, 'tests.py'), 'import unittest\nfrom solution import solve\n');
      exercises.push({
        id: `m${m}-e${e}`,
        title: `Exercise ${m}-${e}: ${sentence(3)}`,
        dir: exerciseDir,
        difficulty: 1 + (e % 5),
        skills: [`s${m % 20}`],
      });
    }
    modules.push({ id: `m${m}`, title: `Module ${m}`, description: sentence(12), lessons, exercises });
  }
  const manifest = {
    formatVersion: 1,
    id: 'bench',
    version: '1.0.0',
    title: 'Benchmark pack',
    description: 'Generated',
    language: 'en',
    authors: ['bench'],
    license: 'CC0-1.0',
    skills: Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, title: `Skill ${i}` })),
    modules,
  };
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest));
  return dir;
}

/** The floor for an install: the same text rows into plain SQLite tables, no verification, files or index. */
function baselineInsert(rows: { id: string; title: string; body: string }[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE items (id TEXT PRIMARY KEY, title TEXT, body TEXT)');
  const start = now();
  const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?)');
  db.transaction(() => rows.forEach((r) => insert.run(r.id, r.title, r.body)))();
  const elapsed = now() - start;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return elapsed;
}

function queries(): { query: string; filters: Record<string, unknown> }[] {
  return Array.from({ length: QUERIES }, () => {
    const shape = random();
    const first = queryWord();
    const query =
      shape < 0.4
        ? first
        : shape < 0.7
          ? `${first} ${queryWord()}`
          : shape < 0.9
            ? first.slice(0, 3 + Math.floor(random() * 3))
            : `${first} ${queryWord()} ${queryWord()}`;
    const filter = random();
    const filters =
      filter < 0.1
        ? { kind: pick(['lesson', 'exercise'] as const) }
        : filter < 0.2
          ? { moduleId: `bench/m${Math.floor(random() * MODULES)}` }
          : filter < 0.25
            ? { kind: 'exercise', difficulty: 1 + Math.floor(random() * 5) }
            : {};
    return { query, filters };
  });
}

async function main() {
  console.log(
    `Generating a pack: ${MODULES * LESSONS_PER_MODULE} lessons, ${MODULES * EXERCISES_PER_MODULE} exercises...`,
  );
  const source = generateSource();
  const keys = generateSigningKeys();
  const file = join(mkdtempSync(join(tmpdir(), 'bench-lpack-')), 'bench.lpack');
  writeFileSync(file, await buildPackArchive(source, keys.privateKey));

  const installs: number[] = [];
  let core: Awaited<ReturnType<typeof createCore>> | undefined;
  for (let run = 0; run < 3; run++) {
    core?.close();
    core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'bench-core-')),
      appVersion: '1.0.0',
      logger: pino({ level: 'silent' }),
    });
    await core.api.addTrustedKey({ session: core.ownerSession(), publicKey: keys.publicKey, label: 'bench' });
    const start = now();
    await core.api.installPack({ session: core.ownerSession(), file, allowDowngrade: false });
    installs.push(now() - start);
  }
  const api = core!.api;
  const db = new Database(join((await api.getAppInfo(undefined)).dataDir, 'learn.db'), { readonly: true });
  const rows = db.prepare<[], { id: string; title: string; body: string }>('SELECT id, title, body FROM lessons').all();
  const floors = [0, 1, 2].map(() => baselineInsert(rows));

  const qs = queries();
  for (const q of qs.slice(0, 50)) await api.searchContent({ query: q.query, limit: 20, ...q.filters }); // warm up
  const search = await timeEach(qs, (q) => api.searchContent({ query: q.query, limit: 20, ...q.filters }));
  if (process.env.BENCH_SLOWEST) {
    const slowest = qs
      .map((q, i) => ({ ...q, ms: search[i]! }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12);
    console.log(JSON.stringify(slowest, null, 1));
  }
  const common = await timeEach(VOCAB.slice(0, COMMON), (query) => api.searchContent({ query, limit: 20 }));
  const like = db.prepare('SELECT id FROM lessons WHERE title LIKE @q OR body LIKE @q LIMIT 20');
  const scans = await timeEach(qs.slice(0, 100), (q) => like.all({ q: `%${q.query.split(' ')[0]}%` }));

  const ids = Array.from(
    { length: QUERIES },
    () => `bench/m${Math.floor(random() * MODULES)}-l${Math.floor(random() * LESSONS_PER_MODULE)}`,
  );
  const next = await timeEach(ids, (currentId) => api.getNextContent({ currentId }));
  // Baseline: neighbours from a window over the pack's order at read time, as the first catalog did.
  const windowed = db.prepare(`
    WITH ordered AS (SELECT l.id, lead(l.id) OVER (ORDER BY m.position, l.position) AS next
      FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.pack_id = 'bench')
    SELECT next FROM ordered WHERE id = ?`);
  const windows = await timeEach(ids.slice(0, 100), (id) => windowed.get(id));

  printTable(
    `Content, ${rows.length} lessons + ${MODULES * EXERCISES_PER_MODULE} exercises (medians of the runs)`,
    'baseline',
    [
      {
        metric: 'install .lpack (verify, unpack, index) vs plain row insert',
        ours: median(installs) / 1000,
        baseline: median(floors) / 1000,
        unit: 's',
        target: '<= 10 s',
      },
      {
        metric: 'search p50 (FTS5, 1000 queries) vs LIKE scan',
        ours: percentile(search, 50),
        baseline: percentile(scans, 50),
        unit: 'ms',
      },
      {
        metric: 'search p95',
        ours: percentile(search, 95),
        baseline: percentile(scans, 95),
        unit: 'ms',
        target: '<= 5 ms',
      },
      { metric: `search p95, the ${COMMON} most common words alone`, ours: percentile(common, 95), unit: 'ms' },
      {
        metric: 'getNextContent p95 vs window query',
        ours: percentile(next, 95),
        baseline: percentile(windows, 95),
        unit: 'ms',
        target: '<= 2 ms',
      },
    ],
  );
  console.log(
    `archive: ${(await import('node:fs')).statSync(file).size} bytes; install runs: ${installs.map((t) => (t / 1000).toFixed(2)).join(', ')} s`,
  );
  db.close();
  core!.close();
}

await main();
