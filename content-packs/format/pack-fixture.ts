import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PackManifestInput } from './manifest.js';

/** Test support: writes a small valid pack source (two modules, three lessons) into a temp folder. */
export function writePackFixture(overrides: Partial<PackManifestInput> = {}, parent?: string): string {
  const manifest: PackManifestInput = {
    formatVersion: 1,
    id: 'demo',
    version: '1.0.0',
    title: 'Demo pack',
    description: 'A pack for tests.',
    language: 'en',
    authors: ['Test'],
    license: 'CC0-1.0',
    modules: [
      {
        id: 'basics',
        title: 'Basics',
        description: 'The basics.',
        lessons: [
          { id: 'hello', title: 'Hello', file: 'lessons/hello.md' },
          { id: 'names', title: 'Names', file: 'lessons/names.md' },
        ],
      },
      {
        id: 'loops',
        title: 'Loops',
        description: 'Going round.',
        lessons: [{ id: 'for-loops', title: 'For loops', file: 'lessons/for-loops.md' }],
      },
    ],
    ...overrides,
  };
  const dir = join(parent ?? mkdtempSync(join(tmpdir(), 'pack-')), manifest.id);
  for (const lesson of manifest.modules.flatMap((m) => m.lessons)) {
    const file = join(dir, lesson.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `# ${lesson.title}\n\nText of ${lesson.id} (v${manifest.version}).\n\n\`\`\`python\nprint("hi")\n\`\`\`\n`,
    );
  }
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
