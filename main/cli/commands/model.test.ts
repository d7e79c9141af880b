import { Command } from 'commander';
import type { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { blendsOf, registerModel } from './model.js';
import type { Blend } from '../../core/adaptive/evaluation/evaluate.js';

const subcommand = (name: string) => {
  const program = new Command('lionlearn');
  registerModel(program, { scoringScript: 'kt-scoring.mjs' });
  return program.commands.find((c) => c.name() === 'model')!.commands.find((c) => c.name() === name)!;
};

describe('lionlearn model', () => {
  for (const name of ['eval', 'train']) {
    it(`${name} --help shows a --model default that --model itself accepts`, () => {
      const command = subcommand(name);
      // train shows the default quoted ("dkt"), eval, whose option takes a list, bare (dkt).
      const shown = /--model <names?>(?:(?!\n {2}-)[\s\S])*default:\s+"?([\w-]+)"?\)/.exec(
        command.helpInformation(),
      )?.[1];
      expect(shown).toBeDefined();
      const option = command.options.find((o: Option) => o.long === '--model')!;
      // The same check a typed `--model <shown>` goes through.
      expect(() => option.parseArg!(shown!, undefined)).not.toThrow();
      expect(() => option.parseArg!('lstm', undefined)).toThrow();
    });
  }

  it('stacks each deep model with the simple ones, and several deep models all together', () => {
    const simple = ['per-item average', 'BKT', 'PFA', 'IRT/Elo'];
    const summary = (b: Blend) => [b.of.join(' + '), b.history ?? false, b.boosted ?? false];
    expect(blendsOf(['A']).map(summary)).toEqual([
      ['A + IRT/Elo', false, false],
      [['A', ...simple].join(' + '), false, false],
      [['A', ...simple].join(' + '), true, false],
      [['A', ...simple].join(' + '), true, true],
    ]);
    const several = blendsOf(['A', 'B']);
    expect(several).toHaveLength(9);
    expect(several[4]).toEqual({ name: 'A + B + simple models, stacked', of: ['A', 'B', ...simple] });
    expect(several.slice(-2)).toEqual([
      { name: 'A + B + simple models + history, stacked', of: ['A', 'B', ...simple], history: true },
      // Only the largest stack is also boosted: trees take minutes where the regression takes seconds.
      { name: 'A + B + simple models + history, boosted', of: ['A', 'B', ...simple], history: true, boosted: true },
    ]);
    const copied = blendsOf(['A', 'B'], true).slice(9);
    expect(copied.map((b) => b.name)).toEqual([
      'A + simple models + continuation copy, stacked',
      'B + simple models + continuation copy, stacked',
      'A + B + simple models + continuation copy, stacked',
      'A + simple models + continuation copy + history, stacked',
      'B + simple models + continuation copy + history, stacked',
      'A + B + simple models + continuation copy + history, stacked',
      'A + B + simple models + continuation copy + history, boosted',
    ]);
    expect(copied.every((b) => b.of.at(-1) === 'continuation copy')).toBe(true);
    // The copy has nothing to copy in the leak-free protocol: those stacks are the common protocol's only.
    expect(copied.every((b) => b.commonOnly)).toBe(true);
    expect(blendsOf(['A', 'B'], true).slice(0, 9)).toEqual(several);
  });

  it('stacks the simple models alone when there is no deep model, boosted too', () => {
    expect(blendsOf([]).map((b) => b.name)).toEqual([
      'simple models, stacked',
      'simple models + history, stacked',
      'simple models + history, boosted',
    ]);
    expect(
      blendsOf([], true)
        .map((b) => b.name)
        .slice(3),
    ).toEqual([
      'simple models + continuation copy, stacked',
      'simple models + continuation copy + history, stacked',
      'simple models + continuation copy + history, boosted',
    ]);
  });
});
