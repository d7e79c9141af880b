import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PackManifestInput } from './manifest.js';

/** Test support: writes a small valid pack source (two modules, three lessons, an exercise, a quiz) into a temp folder. */
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
    skills: [{ id: 'loops', title: 'Loops' }],
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
        exercises: [
          {
            id: 'count-down',
            title: 'Count down',
            dir: 'exercises/count-down',
            difficulty: 2,
            skills: ['loops'],
            hints: ['Use range with a negative step.'],
          },
        ],
        quiz: 'quizzes/loops.json',
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
  const exercise = join(dir, 'exercises', 'count-down');
  mkdirSync(exercise, { recursive: true });
  writeFileSync(
    join(exercise, 'prompt.md'),
    '# Count down\n\nWrite `count_down(n)` returning the numbers from n down to 1.\n',
  );
  writeFileSync(join(exercise, 'starter.py'), 'def count_down(n):\n    raise NotImplementedError\n');
  writeFileSync(join(exercise, 'solution.py'), 'def count_down(n):\n    return list(range(n, 0, -1))\n');
  writeFileSync(
    join(exercise, 'tests.py'),
    'import unittest\nfrom solution import count_down\n\nclass T(unittest.TestCase):\n    def test_three(self):\n        self.assertEqual(count_down(3), [3, 2, 1])\n',
  );
  mkdirSync(join(dir, 'quizzes'), { recursive: true });
  const quiz = [
    {
      id: 'range-stop',
      kind: 'choice',
      prompt: 'What is the last number range(1, 5) yields?',
      choices: ['5', '4'],
      answer: 1,
      skills: ['loops'],
      difficulty: 1,
    },
    {
      id: 'loop-count',
      kind: 'numeric',
      prompt: 'How many times does a loop over range(3) run?',
      answer: 3,
      skills: ['loops'],
      difficulty: 3,
    },
  ];
  writeFileSync(join(dir, 'quizzes', 'loops.json'), JSON.stringify(quiz));
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/**
 * Test and bench support: pads the fixture's lessons with random (incompressible) text so the built .lpack is
 * about `bytes` long, for downloads big enough to cut in the middle.
 */
export function padFixtureLessons(dir: string, bytes: number): void {
  const lessons = ['lessons/hello.md', 'lessons/names.md', 'lessons/for-loops.md'];
  // Base64 text: 6 bits of entropy per byte, so gzip keeps about 3/4 of it.
  const perLesson = Math.ceil((bytes * 4) / 3 / lessons.length);
  for (const lesson of lessons) {
    const text = randomBytes(Math.ceil((perLesson * 3) / 4))
      .toString('base64')
      .replace(/(.{76})/g, '$1\n');
    writeFileSync(join(dir, lesson), `# Padded\n\n${text}\n`);
  }
}
