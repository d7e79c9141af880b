import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import type { PackManifestInput } from '../../../content-packs/format/manifest.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

async function coreWith(
  overrides: Partial<PackManifestInput> = {},
  dataDir = temp('structure-'),
  parent = temp('packs-'),
) {
  writePackFixture(overrides, parent);
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: parent,
    logger: pino({ level: 'silent' }),
  });
  opened.push(core);
  return core;
}

/** The fixture with prerequisites: loops needs basics; names needs hello; for-loops needs names. */
const chained: Partial<PackManifestInput> = {
  skills: [{ id: 'loops', title: 'Loops' }],
  modules: [
    {
      id: 'basics',
      title: 'Basics',
      description: '',
      lessons: [
        { id: 'hello', title: 'Hello', file: 'lessons/hello.md', skills: ['loops'] },
        { id: 'names', title: 'Names', file: 'lessons/names.md', requires: ['hello'] },
      ],
    },
    {
      id: 'loops',
      title: 'Loops',
      description: '',
      requires: ['basics'],
      lessons: [{ id: 'for-loops', title: 'For loops', file: 'lessons/for-loops.md', requires: ['names'] }],
    },
  ],
};

describe('content structure', () => {
  it('describes a module: prerequisites, lessons with skills, exercises, quiz size', async () => {
    const core = await coreWith();
    const structure = await core.api.getModuleStructure({ moduleId: 'demo/loops' });
    expect(structure).toMatchObject({
      id: 'demo/loops',
      requires: [],
      lessons: [{ id: 'demo/for-loops', title: 'For loops', skills: [], requires: [] }],
      exercises: [{ id: 'demo/count-down', title: 'Count down', difficulty: 2, skills: ['demo/loops'] }],
      quizItemCount: 2,
    });
  });

  it('walks the teaching order: lessons, then exercises, then the quiz, across modules', async () => {
    const core = await coreWith();
    const order = ['demo/hello'];
    for (let next = await core.api.getNextContent({ currentId: 'demo/hello' }); next;) {
      order.push(`${next.kind}:${next.contentId}`);
      next = await core.api.getNextContent({ currentId: next.contentId });
    }
    expect(order).toEqual([
      'demo/hello',
      'lesson:demo/names',
      'lesson:demo/for-loops',
      'exercise:demo/count-down',
      'quiz:demo/loops',
    ]);
  });

  it('leads from a module without a quiz through its exercises to the next module, and ends with the course', async () => {
    const core = await coreWith({
      modules: [
        {
          id: 'loops',
          title: 'Loops',
          description: 'Going round.',
          lessons: [{ id: 'for-loops', title: 'For loops', file: 'lessons/for-loops.md' }],
          exercises: [
            { id: 'count-down', title: 'Count down', dir: 'exercises/count-down', difficulty: 2, skills: ['loops'] },
          ],
        },
        {
          id: 'basics',
          title: 'Basics',
          description: 'The basics.',
          lessons: [{ id: 'hello', title: 'Hello', file: 'lessons/hello.md' }],
        },
      ],
    });
    // The module's last lesson: its exercise, not the next module's lesson.
    expect(await core.api.getNextContent({ currentId: 'demo/for-loops' })).toMatchObject({
      kind: 'exercise',
      contentId: 'demo/count-down',
    });
    // Its last exercise, with no quiz after it: the next module.
    expect(await core.api.getNextContent({ currentId: 'demo/count-down' })).toMatchObject({
      kind: 'lesson',
      contentId: 'demo/hello',
      moduleId: 'demo/basics',
    });
    expect(await core.api.getNextContent({ currentId: 'demo/hello' })).toBeNull();
  });

  it('lists prerequisites transitively, farthest first', async () => {
    const core = await coreWith(chained);
    expect(await core.api.getPrerequisites({ contentId: 'demo/for-loops' })).toEqual({
      contentId: 'demo/for-loops',
      prerequisites: [
        { id: 'demo/hello', title: 'Hello', depth: 2 },
        { id: 'demo/names', title: 'Names', depth: 1 },
      ],
    });
    expect((await core.api.getPrerequisites({ contentId: 'demo/loops' })).prerequisites).toEqual([
      { id: 'demo/basics', title: 'Basics', depth: 1 },
    ]);
    expect((await core.api.getModuleStructure({ moduleId: 'demo/basics' })).lessons[0]?.skills).toEqual(['demo/loops']);
  });

  it('answers not-found for unknown ids', async () => {
    const core = await coreWith();
    await expect(core.api.getPrerequisites({ contentId: 'demo/nothing' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(core.api.getNextContent({ currentId: 'nope/nothing' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps ids stable across versions and reads any installed version', async () => {
    const dataDir = temp('structure-');
    const parent = temp('packs-');
    (await coreWith({ version: '1.0.0' }, dataDir, parent)).close();
    opened.pop();
    const core = await coreWith({ version: '1.1.0' }, dataDir, parent);
    expect((await core.api.getLesson({ lessonId: 'demo/hello' })).markdown).toContain('v1.1.0');
    const old = await core.api.getContentVersion({ contentId: 'demo/hello', version: '1.0.0' });
    expect(old).toMatchObject({ kind: 'lesson', version: '1.0.0', title: 'Hello' });
    expect(old.body).toContain('v1.0.0');
    expect((await core.api.getContentVersion({ contentId: 'demo/count-down' })).body).toContain('def count_down');
    await expect(core.api.getContentVersion({ contentId: 'demo/hello', version: '0.1.0' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
