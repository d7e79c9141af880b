import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackSource, MANIFEST_FILE } from './pack-source.js';

const PACKS = resolve(import.meta.dirname, '..');
const shipped = readdirSync(PACKS).filter((name) => existsSync(join(PACKS, name, MANIFEST_FILE)));

describe('the packs we ship', () => {
  it('include Python foundations', () => {
    expect(shipped).toContain('python-foundations');
  });

  it.each(shipped)('%s loads, and each lesson opens with its manifest title and has no raw HTML', async (name) => {
    const { manifest, files } = await loadPackSource(join(PACKS, name));
    expect(manifest.id).toBe(name);
    for (const lesson of manifest.modules.flatMap((m) => m.lessons)) {
      const text = files.get(lesson.file)!.toString('utf8');
      expect(text.split('\n')[0], lesson.file).toBe(`# ${lesson.title}`);
      const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
      expect(prose, lesson.file).not.toMatch(/<\/?[a-z][\w-]*[\s>]/i);
    }
  });

  it.each(shipped)('%s: every Python example prints exactly the output its lesson shows', (name) => {
    const checker = join(PACKS, 'tools', 'check_lesson_examples.py');
    const run = spawnSync('python3', [checker, join(PACKS, name)], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/"mismatches": 0/);
    expect(run.status).toBe(0);
  });

  it.each(shipped)(
    '%s: every reference solution passes its tests and every starter fails them (local python3)',
    (name) => {
      const checker = join(PACKS, 'tools', 'check_exercises.py');
      const run = spawnSync('python3', [checker, join(PACKS, name)], { encoding: 'utf8' });
      expect(run.stdout).toMatch(/"problems": 0/);
      expect(run.status).toBe(0);
    },
    180_000,
  );
});
