import { describe, expect, it } from 'vitest';
import type { PackManifestInput } from './manifest.js';
import { writePackFixture } from './pack-fixture.js';
import { loadPackSource } from './pack-source.js';

type Forms = PackManifestInput['assessments'];

describe('tests a pack ships (fixed forms)', () => {
  it('are read with their items, in order, and time limits', async () => {
    const forms: Forms = [
      { id: 'final', title: 'Final test', items: ['loop-count', 'range-stop'], timeLimitMinutes: 20 },
    ];
    const pack = await loadPackSource(writePackFixture({ assessments: forms }));
    expect(pack.manifest.assessments).toEqual(forms);
    expect((await loadPackSource(writePackFixture())).manifest.assessments).toEqual([]);
  });

  it.each<[string, Forms, RegExp]>([
    [
      'an item no quiz has',
      [{ id: 'final', title: 'Final', items: ['range-stop', 'nope'] }],
      /test "final" names unknown quiz item\(s\) "nope"/,
    ],
    [
      'an item named twice',
      [{ id: 'final', title: 'Final', items: ['range-stop', 'range-stop'] }],
      /names a quiz item twice/,
    ],
    [
      'two tests of one id',
      [
        { id: 'final', title: 'A', items: ['range-stop'] },
        { id: 'final', title: 'B', items: ['loop-count'] },
      ],
      /duplicate test id/,
    ],
    ['no items', [{ id: 'final', title: 'Final', items: [] }], /items/],
    [
      'a time limit of no minutes',
      [{ id: 'final', title: 'Final', items: ['range-stop'], timeLimitMinutes: 0 }],
      /timeLimitMinutes/,
    ],
    ['an unknown field', [{ id: 'final', title: 'Final', items: ['range-stop'], shuffle: true } as never], /shuffle/],
  ])('refuses %s, naming it, so the build stops', async (_name, forms, message) => {
    await expect(loadPackSource(writePackFixture({ assessments: forms }))).rejects.toThrow(message);
  });
});
