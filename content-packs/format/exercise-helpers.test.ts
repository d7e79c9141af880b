import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePackFixture } from './pack-fixture.js';
import { loadPackSource, PackFormatError } from './pack-source.js';

/** The fixture pack with `helpers` on its exercise, and those files written beside its four. */
function packWithHelpers(helpers: string[], write = helpers): string {
  const dir = writePackFixture();
  const manifest = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8'));
  manifest.modules[1].exercises[0].helpers = helpers;
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest));
  for (const name of write) writeFileSync(join(dir, 'exercises', 'count-down', name), 'VALUE = 1\n');
  return dir;
}

describe("an exercise's helper modules", () => {
  it('are part of the pack when the manifest names them', async () => {
    const { files, manifest } = await loadPackSource(packWithHelpers(['fake_llm.py']));
    expect(manifest.modules[1]!.exercises[0]!.helpers).toEqual(['fake_llm.py']);
    expect(files.get('exercises/count-down/fake_llm.py')?.toString()).toBe('VALUE = 1\n');
  });

  it('default to none', async () => {
    const { manifest } = await loadPackSource(writePackFixture());
    expect(manifest.modules[1]!.exercises[0]!.helpers).toEqual([]);
  });

  it.each([
    ['a path', 'lib/fake.py'],
    ['a name that is not a module', 'Fake-LLM.py'],
    ['not Python', 'data.json'],
    ['an exercise file', 'solution.py'],
    ['a hidden file', '.hidden.py'],
  ])('refuse %s', async (_kind, name) => {
    await expect(loadPackSource(packWithHelpers([name], []))).rejects.toThrow(PackFormatError);
  });

  it('must exist', async () => {
    await expect(loadPackSource(packWithHelpers(['fake_llm.py'], []))).rejects.toThrow(/fake_llm\.py/);
  });
});
