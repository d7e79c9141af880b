import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeepKt } from '../deep-kt.js';
import type { Sequence } from '../sequence.js';
import { ModelFileError, modelFolder } from './model-store.js';
import { loadTrained, saveTrained } from './trained-model.js';

const learners: Sequence[] = Array.from({ length: 30 }, (_, n) => ({
  skills: Array.from({ length: 12 }, (_, i) => (i + n) % 3),
  correct: Array.from({ length: 12 }, (_, i) => ((i * 7 + n) % 3 === 0 ? 0 : 1)),
}));
const meta = {
  skills: ['a', 'b', 'c'],
  learners: 30,
  answers: 360,
  trainedAt: '2026-01-01T00:00:00.000Z',
  prior: null,
};

async function trained(): Promise<DeepKt> {
  const model = new DeepKt({ architecture: 'attention', hidden: 8, heads: 2, epochs: 1, window: 16 });
  await model.fit(learners);
  return model;
}

describe('model files', () => {
  it('save and load give back the same model, its skill names and calibration', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'model-')), 'learners');
    const model = await trained();
    await saveTrained(model, folder, meta);
    const { model: loaded, metadata } = await loadTrained(folder);
    expect(metadata).toEqual(meta);
    expect(loaded.calibration).toEqual(model.calibration);
    expect(loaded.predict(learners[0]!)).toEqual(model.predict(learners[0]!));
    expect(readdirSync(folder).sort()).toEqual(['model.json', 'weights.bin']);
  }, 30_000);

  it('replaces a saved model whole and leaves no staging folders behind, even a cut-short one', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'model-'));
    const folder = join(parent, 'learners');
    await saveTrained(await trained(), folder, meta);
    mkdirSync(join(parent, '.staging-learners-123-cut-short'));
    await saveTrained(await trained(), folder, { ...meta, answers: 999 });
    expect((await loadTrained(folder)).metadata.answers).toBe(999);
    expect(readdirSync(parent)).toEqual(['learners']);
  }, 30_000);

  it('tells a missing model from a damaged one', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'model-')), 'learners');
    await expect(modelFolder(folder).load()).rejects.toMatchObject({ state: 'missing' });

    await saveTrained(await trained(), folder, meta);
    const weights = join(folder, 'weights.bin');
    const bytes = readFileSync(weights);
    bytes[10] = bytes[10]! ^ 0xff;
    writeFileSync(weights, bytes);
    await expect(modelFolder(folder).load()).rejects.toThrow(/corrupt: weights.bin does not match its checksum/);

    writeFileSync(join(folder, 'model.json'), '{"format": "lionlearn-kt", "weightsMan');
    const error = await modelFolder(folder)
      .load()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect(error).toMatchObject({ state: 'corrupt', message: expect.stringMatching(/model.json is not JSON/) });
  }, 30_000);
});
