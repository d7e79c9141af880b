import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseNumber, parsePositiveWhole, parseWholeNumber } from './option-values.js';

describe('number options', () => {
  it('takes a decimal point or a decimal comma, and refuses what is not a number', () => {
    expect(['0.3', '0,3', ' 0,35 ', '-1,5', ',5', '2', '1e3'].map(parseNumber)).toEqual([
      0.3, 0.3, 0.35, -1.5, 0.5, 2, 1000,
    ]);
    for (const bad of ['', ' ', 'abc', '0,3,4', '1.000,5', 'NaN', 'Infinity', '0.3x']) {
      expect(() => parseNumber(bad), bad).toThrow(/number/);
    }
  });

  it('takes whole numbers only where a count is asked', () => {
    expect(['5', ' 12 ', '0', '-3'].map(parseWholeNumber)).toEqual([5, 12, 0, -3]);
    for (const bad of ['', '2.5', '2,5', 'five', '9007199254740993']) {
      expect(() => parseWholeNumber(bad), bad).toThrow(/whole number/);
    }
  });

  it('takes a whole number of at least one where that many things are to run at once', () => {
    expect(['1', ' 2 ', '16'].map(parsePositiveWhole)).toEqual([1, 2, 16]);
    for (const bad of ['0', '-1', '-0']) expect(() => parsePositiveWhole(bad), bad).toThrow(/at least 1/);
    for (const bad of ['', '1.5', 'two']) expect(() => parsePositiveWhole(bad), bad).toThrow(/whole number/);
  });

  it('is refused by commander with the option named, before the command runs', () => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    let ran: unknown;
    program.option('--target-se <x>', 'standard error', parseNumber).action((options) => (ran = options));
    program.parse(['--target-se', '0,25'], { from: 'user' });
    expect(ran).toEqual({ targetSe: 0.25 });
    expect(() => program.parse(['--target-se', 'low'], { from: 'user' })).toThrow(
      /option '--target-se <x>' argument 'low' is invalid\. expected a number/,
    );
  });
});
