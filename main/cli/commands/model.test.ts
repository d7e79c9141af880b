import { Command } from 'commander';
import type { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerModel } from './model.js';

const subcommand = (name: string) => {
  const program = new Command('lionlearn');
  registerModel(program);
  return program.commands.find((c) => c.name() === 'model')!.commands.find((c) => c.name() === name)!;
};

describe('lionlearn model', () => {
  for (const name of ['eval', 'train']) {
    it(`${name} --help shows a --model default that --model itself accepts`, () => {
      const command = subcommand(name);
      const shown = /--model <name>(?:(?!\n {2}-)[\s\S])*default: "([^"]+)"/.exec(command.helpInformation())?.[1];
      expect(shown).toBeDefined();
      const option = command.options.find((o: Option) => o.long === '--model')!;
      // The same check a typed `--model <shown>` goes through.
      expect(() => option.parseArg!(shown!, undefined)).not.toThrow();
      expect(() => option.parseArg!('lstm', undefined)).toThrow();
    });
  }
});
