import { describe, expect, it } from 'vitest';
import { parseModels, specOptions } from './model-specs.js';

describe('model eval --model entries', () => {
  it('takes several models, each once, in the order given', () => {
    expect(parseModels('dkt-history, sakt')).toEqual([
      { model: 'dkt-history', suffix: '' },
      { model: 'sakt', suffix: '' },
    ]);
  });

  it('gives an entry its own size, heads and seed, named in the tables', () => {
    expect(parseModels('akt,akt:128x4,dkt-history@8,sakt:32@3')).toEqual([
      { model: 'akt', suffix: '' },
      { model: 'akt', hidden: 128, heads: 4, suffix: ' 128x4' },
      { model: 'dkt-history', seed: 8, suffix: ' @8' },
      { model: 'sakt', hidden: 32, seed: 3, suffix: ' 32 @3' },
    ]);
  });

  it('refuses an unknown, malformed or repeated entry, and heads an LSTM has not or units they cannot split', () => {
    const bad = [
      'dkt,lstm',
      'dkt,dkt',
      'akt:128,akt:128',
      'sakt:32x2,sakt:32x2',
      'dkt,',
      '',
      'akt:',
      'akt:0',
      'akt:x4',
      'akt:128x0',
      'akt:100x3',
      'dkt:64x2',
      'dkvmn-history:64x2',
      'akt@',
      'akt@-1',
      'akt:1e3',
      'akt:128x4x2',
      'AKT',
      'akt :128',
      // Names an object has by inheritance, not names of models.
      'constructor',
      'to-string',
    ];
    for (const entry of bad) {
      expect(() => parseModels(entry), entry).toThrow(/dkt, dkt-history, dkt-answer, sakt, akt, dkvmn, dkvmn-history/);
    }
  });

  it("sets what an entry gives over the command's options, and leaves the rest to them", () => {
    const [plain, sized] = parseModels('akt,akt:128x4@8');
    expect(specOptions(plain!, { seed: 7 })).toEqual({ architecture: 'akt', seed: 7 });
    expect(specOptions(plain!, { hidden: 32, heads: 4, seed: 7 })).toEqual({
      architecture: 'akt',
      seed: 7,
      hidden: 32,
      embedding: 32,
      heads: 4,
    });
    expect(specOptions(sized!, { hidden: 32, heads: 2, seed: 7 })).toEqual({
      architecture: 'akt',
      seed: 8,
      hidden: 128,
      embedding: 128,
      heads: 4,
    });
  });
});
