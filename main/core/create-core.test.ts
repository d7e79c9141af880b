import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LearnError } from '../../common/contract/errors.js';
import { openDatabase } from '../../infra/sqlite/open-database.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { createCore } from './create-core.js';
import type { Core } from './create-core.js';
import { CORE_DATABASE_FILE } from './db/core-database.js';
import { coreMigrations } from './db/migrations/index.js';

const silent = pino({ level: 'silent' });
const opened: Core[] = [];

async function start(dataDir: string, bundledPacksDir?: string): Promise<Core> {
  const core = await createCore({ dataDir, appVersion: '1.2.3', bundledPacksDir, logger: silent });
  opened.push(core);
  return core;
}
afterEach(() => opened.splice(0).forEach((core) => core.close()));

const tempDir = () => mkdtempSync(join(tmpdir(), 'core-'));

describe('createCore', () => {
  it('installs the bundled packs on first start, so the app is never empty', async () => {
    const packs = dirname(writePackFixture());
    const core = await start(tempDir(), packs);
    const modules = await core.api.listModules(undefined);
    expect(modules.map((m) => [m.id, m.lessonCount])).toEqual([
      ['demo/basics', 2],
      ['demo/loops', 1],
    ]);
    expect(modules[0]).toMatchObject({ packId: 'demo', packTitle: 'Demo pack', title: 'Basics' });
  });

  it('reads a module with its lessons in teaching order', async () => {
    const core = await start(tempDir(), dirname(writePackFixture()));
    const module = await core.api.getModule({ moduleId: 'demo/basics' });
    expect(module.lessons).toEqual([
      { id: 'demo/hello', title: 'Hello' },
      { id: 'demo/names', title: 'Names' },
    ]);
  });

  it('links lessons to their neighbours across module boundaries', async () => {
    const core = await start(tempDir(), dirname(writePackFixture()));
    const names = await core.api.getLesson({ lessonId: 'demo/names' });
    expect(names).toMatchObject({
      moduleId: 'demo/basics',
      moduleTitle: 'Basics',
      previousLessonId: 'demo/hello',
      nextLessonId: 'demo/for-loops',
    });
    expect(names.markdown).toContain('Text of names');
    const first = await core.api.getLesson({ lessonId: 'demo/hello' });
    expect(first.previousLessonId).toBeNull();
    const last = await core.api.getLesson({ lessonId: 'demo/for-loops' });
    expect(last.nextLessonId).toBeNull();
  });

  it('answers not-found for content that is not installed', async () => {
    const core = await start(tempDir(), dirname(writePackFixture()));
    await expect(core.api.getLesson({ lessonId: 'demo/nope' })).rejects.toThrow(LearnError);
    await expect(core.api.getModule({ moduleId: 'other/basics' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('upgrades a bundled pack only when the shipped copy is newer', async () => {
    const dataDir = tempDir();
    const parent = tempDir();
    writePackFixture({ version: '1.0.0' }, parent);
    (await start(dataDir, parent)).close();
    opened.pop();

    writePackFixture({ version: '1.1.0', title: 'Demo pack, revised' }, parent);
    const core = await start(dataDir, parent);
    expect((await core.api.listModules(undefined))[0]?.packTitle).toBe('Demo pack, revised');
    expect((await core.api.getLesson({ lessonId: 'demo/hello' })).markdown).toContain('v1.1.0');
  });

  it('reports its version, schema version and data folder', async () => {
    const dataDir = tempDir();
    const core = await start(dataDir);
    expect(await core.api.getAppInfo(undefined)).toEqual({
      appVersion: '1.2.3',
      schemaVersion: coreMigrations.at(-1)!.version,
      dataDir,
      recovery: null,
    });
  });

  it('refuses to open a database from a newer app and leaves it untouched', async () => {
    const dataDir = tempDir();
    (await start(dataDir)).close();
    opened.pop();
    const db = openDatabase(join(dataDir, CORE_DATABASE_FILE));
    db.prepare("INSERT INTO schema_migrations VALUES (9990, 'from-the-future', 'x')").run();
    db.close();
    await expect(start(dataDir)).rejects.toThrow(/schema version 9990.*newer version/s);
    const again = openDatabase(join(dataDir, CORE_DATABASE_FILE));
    expect(again.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 9990 });
    again.close();
  });
});
