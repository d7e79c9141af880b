// npm run bench -- content: install, search and next-content on a generated pack of
// 10,000 lessons and 5,000 exercises, each interleaved with a baseline doing the same work more simply.
// BENCH_SLOWEST=1 also prints the slowest queries. Every temporary folder is removed at the end.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { buildPackArchive } from '../content-packs/format/pack-archive.js';
import { generateSigningKeys } from '../content-packs/format/signing.js';
import { createCore } from '../main/core/create-core.js';
import { CORE_DATABASE_FILE, openCoreDatabase } from '../main/core/db/core-database.js';
import {
  EXERCISES_PER_MODULE,
  generateSource,
  LESSONS_PER_MODULE,
  MODULES,
  queryClasses,
  random,
  typoQueries,
} from './generated-pack.js';
import type { Query } from './generated-pack.js';
import { runBench } from './bench-run.js';
import { interleaved, median, percentile, printTable, timeEach, within } from './stats.js';
import type { Row } from './stats.js';

const INSTALL_ROUNDS = 3;
/** Queries per class; each is run by ours and by the baseline in turn. */
const PER_CLASS = Number(process.env.BENCH_QUERIES ?? 120);
const INSTALL_TIMEOUT_MS = 120_000;
const QUERY_TIMEOUT_MS = 10_000;

type Counts = Map<string, number>;

/** Rows per table, FTS5 shadow tables left out (their virtual table stands for them). */
function tableCounts(file: string): Counts {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")
    .all();
  const virtual = tables.filter((t) => /CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const counts: Counts = new Map();
  for (const { name } of tables) {
    if (name.startsWith('sqlite_') || virtual.some((v) => name.startsWith(`${v}_`))) continue;
    counts.set(name, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()!.n);
  }
  db.close();
  return counts;
}

/**
 * The floor for an install: the same rows into the same tables of a fresh database with the
 * same schema and settings (the FTS index included), copied in one transaction, with no
 * verification, unpacking, files, Markdown or vocabulary work in between.
 */
function floorInsert(installed: string, tables: string[], dir: string): number {
  const opened = openCoreDatabase(dir);
  const db = opened.db;
  db.prepare('ATTACH DATABASE ? AS installed').run(installed);
  const columns = (table: string) =>
    db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}', 'installed')`)
      .all()
      .map((c) => `"${c.name}"`)
      .join(', ');
  const start = performance.now();
  db.transaction(() => {
    for (const table of tables) {
      db.exec(`INSERT INTO main."${table}" (${columns(table)}) SELECT ${columns(table)} FROM installed."${table}"`);
    }
  })();
  const elapsed = performance.now() - start;
  db.exec('DETACH DATABASE installed');
  db.close();
  opened.markClosed();
  return elapsed;
}

/**
 * The baseline search: no index, the same work done by scanning. The same plain-text fields the
 * index holds (title and body of every lesson, exercise and quiz), every word required and the last
 * as a prefix (any word containing it, as LIKE can), the same filters, ranked the same way (title
 * matches first, then term frequency with titles weighted 5 to 1), the top 20 with a snippet.
 */
function likeBaseline(db: Database.Database): (q: Query) => unknown {
  return ({ query, filters }) => {
    const words = query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
    if (words.length === 0) return [];
    const params: Record<string, unknown> = {};
    const where: string[] = [];
    const score: string[] = [];
    const inTitle: string[] = [];
    words.forEach((w, i) => {
      params[`w${i}`] = w;
      params[`l${i}`] = `%${w}%`;
      where.push(`(title LIKE @l${i} OR body LIKE @l${i})`);
      inTitle.push(`title LIKE @l${i}`);
      const count = (column: string) =>
        `(length(${column}) - length(replace(lower(${column}), @w${i}, ''))) / length(@w${i})`;
      score.push(`5 * ${count('title')} + ${count('body')}`);
    });
    if (filters.kind) {
      where.push('kind = @kind');
      params.kind = filters.kind;
    }
    if (filters.moduleId) {
      where.push('module_id = @moduleId');
      params.moduleId = filters.moduleId;
    }
    if (filters.difficulty) {
      where.push('difficulty = @difficulty');
      params.difficulty = filters.difficulty;
    }
    return db
      .prepare(
        `SELECT content_id, kind, title, module_id, pack_id, difficulty,
           substr(body, max(1, instr(lower(body), @w0) - 40), 120) AS snippet
         FROM items WHERE ${where.join(' AND ')}
         ORDER BY (${inTitle.join(' AND ')}) DESC, ${score.join(' + ')} DESC LIMIT 20`,
      )
      .all(params);
  };
}

async function run(root: string) {
  console.log(
    `Generating a pack: ${MODULES * LESSONS_PER_MODULE} lessons, ${MODULES * EXERCISES_PER_MODULE} exercises...`,
  );
  const source = join(root, 'source');
  generateSource(source);
  const keys = generateSigningKeys();
  const file = join(root, 'bench.lpack');
  writeFileSync(
    file,
    await within('building the archive', INSTALL_TIMEOUT_MS, () => buildPackArchive(source, keys.privateKey)),
  );
  rmSync(source, { recursive: true, force: true });

  // Install and floor in turn, round by round; each round's folders go before the next.
  const installs: number[] = [];
  const floors: number[] = [];
  let core: Awaited<ReturnType<typeof createCore>> | undefined;
  let dataDir = '';
  let written: string[] | undefined;
  for (let round = 0; round < INSTALL_ROUNDS; round++) {
    core?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = join(root, `core-${round}`);
    core = await within('starting the core', INSTALL_TIMEOUT_MS, () =>
      createCore({ dataDir, appVersion: '1.0.0', logger: pino({ level: 'silent' }) }),
    );
    const api = core.api;
    await within('trusting the key', QUERY_TIMEOUT_MS, () =>
      api.addTrustedKey({ session: core!.ownerSession(), publicKey: keys.publicKey, label: 'bench' }),
    );
    const dbFile = join(dataDir, CORE_DATABASE_FILE);
    const before = tableCounts(dbFile);
    const start = performance.now();
    await within('installing the pack', INSTALL_TIMEOUT_MS, () =>
      api.installPack({ session: core!.ownerSession(), file, allowDowngrade: false }),
    );
    installs.push(performance.now() - start);
    const after = tableCounts(dbFile);
    written ??= [...after].filter(([table, n]) => n > (before.get(table) ?? 0)).map(([table]) => table);
    for (const table of written) {
      if ((before.get(table) ?? 0) > 0) throw new Error(`the floor cannot tell what the install added to ${table}`);
    }
    const floorDir = join(root, `floor-${round}`);
    floors.push(await within('the floor insert', INSTALL_TIMEOUT_MS, () => floorInsert(dbFile, written!, floorDir)));
    rmSync(floorDir, { recursive: true, force: true });
  }
  const api = core!.api;
  console.log(`the install wrote: ${written!.join(', ')}`);

  // The baseline's table: the index's own plain text and filter columns, copied to a plain table.
  const scanDir = mkdtempSync(join(root, 'scan-'));
  const scan = new Database(join(scanDir, 'scan.db'));
  scan.prepare('ATTACH DATABASE ? AS core').run(join(dataDir, CORE_DATABASE_FILE));
  scan.exec(`CREATE TABLE items AS SELECT title, body, content_id, pack_id, module_id, kind, difficulty FROM core.search_index;
    DETACH DATABASE core;`);
  const scanQuery = likeBaseline(scan);
  const like = (q: Query) => within(`scanning for "${q.query}"`, QUERY_TIMEOUT_MS, () => scanQuery(q));
  const ours = (q: Query) =>
    within(`searching "${q.query}"`, QUERY_TIMEOUT_MS, () =>
      api.searchContent({ query: q.query, limit: 20, ...q.filters }),
    );

  const classes = queryClasses(PER_CLASS);
  for (const [, qs] of classes) for (const q of qs.slice(0, 10)) await ours(q); // warm up
  const rows: Row[] = [];
  const all = { ours: [] as number[], baseline: [] as number[] };
  const slow: { query: string; filters: object; ms: number }[] = [];
  for (const [name, qs] of classes) {
    const times = await interleaved(qs, ours, like);
    all.ours.push(...times.ours);
    all.baseline.push(...times.baseline);
    qs.forEach((q, i) => slow.push({ ...q, ms: times.ours[i]! }));
    rows.push({ metric: `${name}: p50`, ours: median(times.ours), baseline: median(times.baseline), unit: 'ms' });
    rows.push({
      metric: `${name}: p95`,
      ours: percentile(times.ours, 95),
      baseline: percentile(times.baseline, 95),
      unit: 'ms',
      target: '<= 5 ms',
    });
  }
  const typos = typoQueries(PER_CLASS);
  const typoTimes = await timeEach(typos, ours);
  const respelled = (await Promise.all(typos.map(ours))).filter((r) => r.didYouMean).length;
  rows.push({ metric: `a typo (${respelled} of ${typos.length} respelled): p50`, ours: median(typoTimes), unit: 'ms' });
  rows.push({ metric: 'a typo: p95', ours: percentile(typoTimes, 95), unit: 'ms', target: '<= 5 ms' });
  rows.push({
    metric: 'every class above, no typos: p50',
    ours: median(all.ours),
    baseline: median(all.baseline),
    unit: 'ms',
  });
  rows.push({
    metric: 'every class above, no typos: p95',
    ours: percentile(all.ours, 95),
    baseline: percentile(all.baseline, 95),
    unit: 'ms',
    target: '<= 5 ms',
  });
  if (process.env.BENCH_SLOWEST) console.log(JSON.stringify(slow.sort((a, b) => b.ms - a.ms).slice(0, 12), null, 1));

  const db = new Database(join(dataDir, CORE_DATABASE_FILE), { readonly: true });
  const ids = Array.from(
    { length: 1000 },
    () => `bench/m${Math.floor(random() * MODULES)}-l${Math.floor(random() * LESSONS_PER_MODULE)}`,
  );
  // Baseline: neighbours from a window over the pack's order at read time, as the first catalog did.
  const windowed = db.prepare(`
    WITH ordered AS (SELECT l.id, lead(l.id) OVER (ORDER BY m.position, l.position) AS next
      FROM lessons l JOIN modules m ON m.id = l.module_id WHERE m.pack_id = 'bench')
    SELECT next FROM ordered WHERE id = ?`);
  const next = await interleaved(
    ids.slice(0, 200),
    (currentId) => within('getNextContent', QUERY_TIMEOUT_MS, () => api.getNextContent({ currentId })),
    (id) => windowed.get(id),
  );

  printTable(
    `Install, ${MODULES * LESSONS_PER_MODULE} lessons + ${MODULES * EXERCISES_PER_MODULE} exercises (median of ${INSTALL_ROUNDS} interleaved rounds)`,
    'same rows, plain insert',
    [
      {
        metric: 'install .lpack (verify, unpack, index) vs the same rows copied into the same tables',
        ours: median(installs) / 1000,
        baseline: median(floors) / 1000,
        unit: 's',
        target: '<= 10 s',
      },
    ],
  );
  printTable(`Search, ${PER_CLASS} queries per class, each beside the baseline in turn`, 'LIKE scan', rows);
  printTable('Next content', 'window query', [
    {
      metric: 'getNextContent p95 vs window query',
      ours: percentile(next.ours, 95),
      baseline: percentile(next.baseline, 95),
      unit: 'ms',
      target: '<= 2 ms',
    },
  ]);
  console.log(
    `archive: ${statSync(file).size} bytes; install runs: ${installs.map((t) => (t / 1000).toFixed(2)).join(', ')} s; floor runs: ${floors.map((t) => (t / 1000).toFixed(2)).join(', ')} s`,
  );
  db.close();
  scan.close();
  core!.close();
}

await runBench(async (temp) => run(temp.folder('bench-content-')));
