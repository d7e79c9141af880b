import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EVENT_SKILLS } from '../../common/contract/progress.js';
import { coreTranslate, createCoreI18n } from '../../common/i18n/translator.js';
import { writePackFixture } from './pack-fixture.js';
import { loadPackSource, PackFormatError } from './pack-source.js';

function writePack(manifest: Record<string, unknown>, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'source-'));
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const manifest = (lessonFile = 'lessons/a.md', extra: Record<string, unknown> = {}) => ({
  formatVersion: 1,
  id: 'p',
  version: '1.0.0',
  title: 'P',
  description: '',
  language: 'en',
  authors: ['A'],
  license: 'MIT',
  modules: [{ id: 'm', title: 'M', description: '', lessons: [{ id: 'a', title: 'A', file: lessonFile }] }],
  ...extra,
});

describe('loadPackSource', () => {
  it('reads the manifest and every lesson it names', async () => {
    const pack = await loadPackSource(writePack(manifest(), { 'lessons/a.md': '# A' }));
    expect(pack.manifest.id).toBe('p');
    expect(pack.files.get('lessons/a.md')?.toString()).toBe('# A');
  });

  it.each(['../outside.md', '/etc/passwd.md', 'lessons/../../x.md', 'C:/x.md', 'lessons\\a.md'])(
    'refuses a path that leaves the pack: %s',
    async (file) => {
      await expect(loadPackSource(writePack(manifest(file)))).rejects.toThrow(/relative path inside the pack/);
    },
  );

  it('refuses a link that points outside the pack', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'secret.md');
    writeFileSync(outside, 'secret');
    const dir = writePack(manifest());
    mkdirSync(join(dir, 'lessons'));
    symlinkSync(outside, join(dir, 'lessons', 'a.md'));
    await expect(loadPackSource(dir)).rejects.toThrow(/leads outside the pack/);
  });

  it('names a lesson file that is missing', async () => {
    await expect(loadPackSource(writePack(manifest()))).rejects.toThrow(/names "lessons\/a.md", which does not exist/);
  });

  it('explains a manifest that fails the schema', async () => {
    const error = await loadPackSource(writePack(manifest('lessons/a.md', { version: 'one' }))).catch((e) => e);
    expect(error).toBeInstanceOf(PackFormatError);
    expect(String(error.message)).toMatch(/version: .*semantic version/);
  });

  // zod's own wording would stay English in a German face; the issues go through the catalog instead.
  it('explains a schema failure in the reader’s language', async () => {
    const error = await loadPackSource(writePack(manifest('lessons/a.md', { title: 7 }))).catch((e) => e);
    expect(error).toBeInstanceOf(PackFormatError);
    expect(String(error.message)).toMatch(/title: must be text/);
    const german = coreTranslate(createCoreI18n('de'));
    expect(german(error.said, error.message)).toMatch(/title: muss ein Text sein/);
    // The schema's own rules too, not only zod's standard issues.
    const rule = await loadPackSource(writePack(manifest('lessons/a.md', { version: 'one' }))).catch((e) => e);
    expect(german(rule.said, rule.message)).toMatch(/version: muss eine semantische Version wie 1\.2\.0 sein/);
  });

  it('refuses an exercise naming more skills than the event of an answer to it can carry', async () => {
    const skills = Array.from({ length: MAX_EVENT_SKILLS + 1 }, (_, i) => `s${i}`);
    const naming = (names: string[]) =>
      writePackFixture({
        skills: skills.map((id) => ({ id, title: id })),
        modules: [
          {
            id: 'm',
            title: 'M',
            description: '',
            lessons: [{ id: 'hello', title: 'Hello', file: 'lessons/hello.md' }],
            exercises: [{ id: 'count-down', title: 'C', dir: 'exercises/count-down', difficulty: 2, skills: names }],
          },
        ],
      });
    await expect(loadPackSource(naming(skills))).rejects.toThrow(/skills: must have at most 20 items/);
    await expect(loadPackSource(naming(skills.slice(1)))).resolves.toBeTruthy();
  });

  it('refuses duplicate ids', async () => {
    const m = manifest();
    m.modules.push({ id: 'm', title: 'Again', description: '', lessons: [{ id: 'b', title: 'B', file: 'b.md' }] });
    await expect(loadPackSource(writePack(m, { 'lessons/a.md': '', 'b.md': '' }))).rejects.toThrow(/duplicate id "m"/);
  });

  it('refuses a manifest format newer than this app reads', async () => {
    await expect(loadPackSource(writePack(manifest('lessons/a.md', { formatVersion: 2 })))).rejects.toThrow(
      /formatVersion/,
    );
  });
});
