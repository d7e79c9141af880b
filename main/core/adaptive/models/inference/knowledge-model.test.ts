import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../../../common/contract/bridge.js';
import { localized } from '../../../../../common/i18n/localize.js';
import { coreTranslate, createCoreI18n } from '../../../../../common/i18n/translator.js';
import { writePackFixture } from '../../../../../content-packs/format/pack-fixture.js';
import { createCore } from '../../../create-core.js';
import type { Core, CoreOptions } from '../../../create-core.js';
import { localBridge } from '../../../local-bridge.js';
import { DeepKt } from '../deep-kt.js';
import type { Architecture } from '../deep-kt.js';
import { trainerScript } from '../../testing/trainer-script.js';
import { saveTrained } from '../storage/trained-model.js';

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

async function start(options: { source?: string; dataDir?: string; model?: CoreOptions['model'] } = {}) {
  const source = options.source ?? writePackFixture();
  const lines: string[] = [];
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  const core = await createCore({
    dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'deep-')),
    appVersion: '1.0.0',
    bundledPacksDir: dirname(source),
    logger,
    ...(options.model ? { model: options.model } : {}),
  });
  opened.push(core);
  const api = createApiClient(localBridge(core));
  const { session, learner } = await api.createLearner({ profile: { displayName: 'Pia' } });
  const answer = (correct: boolean) => ({
    type: 'QuizAnswered' as const,
    data: { quizItemId: correct ? 'demo/range-stop' : 'demo/loop-count', correct, answer: 'x', timeSpentMs: 1000 },
  });
  const answerMany = (n: number) =>
    core.recordProgress(
      session,
      Array.from({ length: n }, (_, i) => answer(i % 3 !== 0)),
    );
  return { core, api, session, learnerId: learner.id, lines, answerMany };
}

/** A pack source whose manifest names a model folder holding a small model trained on its one skill. */
async function packWithModel(architecture: Architecture = 'attention'): Promise<string> {
  const source = writePackFixture();
  const model = new DeepKt({ architecture, hidden: 8, embedding: 8, heads: 2, window: 16, epochs: 2 });
  await model.fit(
    Array.from({ length: 30 }, (_, n) => ({
      skills: Array(10).fill(0),
      correct: Array.from({ length: 10 }, (_, i) => ((i + n) % 4 ? 1 : 0)),
    })),
  );
  await saveTrained(model, join(source, 'model'), {
    skills: ['loops'],
    learners: 30,
    answers: 300,
    trainedAt: '2026-01-01T00:00:00.000Z',
    prior: null,
  });
  const manifest = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8'));
  writeFileSync(join(source, 'pack.json'), JSON.stringify({ ...manifest, model: 'model' }));
  return source;
}

const german = coreTranslate(createCoreI18n('de'));

describe('the deep model behind predictPerformance', () => {
  it('answers from the simple model, saying why, while there is no deep model or no history', async () => {
    const { api, session } = await start();
    const prediction = await api.predictPerformance({ session, contentId: 'demo/count-down' });
    expect(prediction).toMatchObject({
      model: 'pooled PFA',
      modelI18n: { key: 'model-pooled-pfa' },
      attempts: 0,
      note: expect.stringMatching(/no deep model yet/),
      // The same note as a catalog message, for each face to say in its language.
      noteI18n: { key: 'model-none-yet' },
    });
  });

  it('uses a model shipped with a pack from the first answer of a new install', async () => {
    const { api, session, core, answerMany } = await start({ source: await packWithModel() });
    expect(await api.predictPerformance({ session, contentId: 'demo/count-down' })).toMatchObject({
      model: 'pooled PFA',
      note: expect.stringMatching(/from pack demo needs 1 answer of the learner’s; 0 so far/),
      noteI18n: { key: 'model-needs-history', params: expect.objectContaining({ count: 1, answers: 0 }) },
    });
    await answerMany(1);
    const prediction = await api.predictPerformance({ session, contentId: 'demo/count-down' });
    expect(prediction).toMatchObject({ model: 'SAKT (attention), from pack demo', attempts: 1 });
    // Which model, as a catalog message too: a German face names it in German.
    expect(localized(prediction, german).model).toBe('SAKT (attention), aus dem Paket demo');
    expect(prediction.note).toBeUndefined();
    expect(prediction.probability).toBeGreaterThan(0);
    expect(prediction.probability).toBeLessThan(1);
    expect(await core.model.knowledge.status()).toMatchObject({ state: 'loaded' });
  }, 30_000);

  it('fine-tunes a pack’s model on this machine’s answers, keeping it usable from the first answer', async () => {
    const model = { trainerScript: await trainerScript(), minAnswers: 1000, retrainEvery: 5, epochs: 1 };
    const { api, session, core, answerMany } = await start({ source: await packWithModel(), model });
    await answerMany(5);
    await api.predictPerformance({ session, contentId: 'demo/count-down' });
    expect(await core.model.trainer!.settled()).toMatchObject({ trained: true, fineTuned: true, answers: 5 });
    const other = await api.createLearner({ profile: { displayName: 'Ola' } });
    await core.recordProgress(other.session, [
      { type: 'QuizAnswered', data: { quizItemId: 'demo/range-stop', correct: true, answer: '4', timeSpentMs: 900 } },
    ]);
    expect(await api.predictPerformance({ session: other.session, contentId: 'demo/count-down' })).toMatchObject({
      model: 'SAKT (attention), trained here',
      attempts: 1,
    });
  }, 60_000);

  it('falls back on a damaged model file, says so, retrains in a worker, then answers from the new model', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deep-'));
    mkdirSync(join(dataDir, 'models', 'learners'), { recursive: true });
    writeFileSync(join(dataDir, 'models', 'learners', 'model.json'), '{ not json');
    const model = { trainerScript: await trainerScript(), minAnswers: 30, retrainEvery: 1000, epochs: 2 };
    const { api, session, core, lines, answerMany } = await start({ dataDir, model });
    await answerMany(40);

    const before = await api.predictPerformance({ session, contentId: 'demo/count-down' });
    expect(before).toMatchObject({ model: 'pooled PFA', note: expect.stringMatching(/damaged.*retrained/) });
    expect(lines.join('')).toMatch(/the adaptive model cannot be used/);
    expect(await core.model.knowledge.status()).toMatchObject({ state: 'corrupt' });

    expect(await core.model.trainer!.settled()).toMatchObject({ trained: true, learners: 1, answers: 40 });
    const after = await api.predictPerformance({ session, contentId: 'demo/count-down' });
    expect(after).toMatchObject({ model: 'DKT (LSTM), trained here', attempts: 40 });
    expect(after.note).toBeUndefined();
    expect(after.confidence).toBeGreaterThan(0.7);
  }, 60_000);

  it('trains after enough new answers, and close() stops a run in progress', async () => {
    const model = { trainerScript: await trainerScript(), minAnswers: 10, retrainEvery: 10, epochs: 500 };
    const { api, session, core, answerMany } = await start({ model });
    await answerMany(5);
    await api.predictPerformance({ session, contentId: 'demo/count-down' });
    expect(await core.model.trainer!.settled()).toBeUndefined();
    await answerMany(10);
    await api.predictPerformance({ session, contentId: 'demo/count-down' });
    const run = core.model.trainer!.settled();
    await vi.waitFor(() => expect(core.model.trainer!.training).toBe(true), { timeout: 20_000 });
    opened.splice(opened.indexOf(core), 1);
    await core.close();
    expect(await run).toMatchObject({ trained: false, reason: expect.stringMatching(/the trainer stopped/) });
    expect(core.model.trainer!.training).toBe(false);
  }, 60_000);

  it('keeps each learner’s state between answers, and reads the log again when an answer arrives out of order', async () => {
    const { api, session, core } = await start({ source: await packWithModel('lstm') });
    const answer = (correct: boolean, minute: number) => ({
      type: 'QuizAnswered' as const,
      timestamp: new Date(Date.UTC(2026, 0, 10, 9, minute)).toISOString(),
      data: { quizItemId: 'demo/range-stop', correct, answer: 'x', timeSpentMs: 1000 },
    });
    const predict = async () => (await api.predictPerformance({ session, contentId: 'demo/count-down' })).probability;
    /** What a model loaded afresh says, reading the whole log from the start. */
    const fresh = async () => {
      core.model.knowledge.reload();
      return predict();
    };
    const seen: number[] = [];
    for (let i = 0; i < 12; i++) {
      await core.recordProgress(session, [answer(i % 3 !== 0, 10 + i)]);
      seen.push(await predict());
    }
    expect((await api.predictPerformance({ session, contentId: 'demo/count-down' })).model).toBe(
      'DKT (LSTM), from pack demo',
    );
    expect(new Set(seen).size).toBeGreaterThan(1);
    expect(seen.at(-1)).toBeCloseTo(await fresh(), 6);
    // Kept state again, then a wrong answer synced from another device, older than all the others.
    await predict();
    await core.recordProgress(session, [answer(false, 1)]);
    const after = await predict();
    expect(after).not.toBeCloseTo(seen.at(-1)!, 6);
    expect(after).toBeCloseTo(await fresh(), 6);
  }, 30_000);

  it('serves a kept state only while the log stands still: answers another connection records are read', async () => {
    const source = await packWithModel('lstm');
    const dataDir = mkdtempSync(join(tmpdir(), 'deep-'));
    const here = await start({ source, dataDir });
    const { learnerId } = here;
    const predict = async () =>
      (await here.api.predictPerformance({ session: here.session, contentId: 'demo/count-down' })).probability;
    await here.answerMany(6);
    const before = await predict();
    expect(await predict()).toBe(before);
    // Another core on the same file (a CLI while the app runs) records wrong answers for the learner.
    const other = await start({ source, dataDir });
    const { session } = await other.api.openLearnerSession({ learnerId });
    await other.core.recordProgress(
      session,
      Array.from({ length: 4 }, () => ({
        type: 'QuizAnswered' as const,
        data: { quizItemId: 'demo/loop-count', correct: false, answer: 'x', timeSpentMs: 1000 },
      })),
    );
    const after = await predict();
    expect(after).not.toBeCloseTo(before, 6);
    here.core.model.knowledge.reload();
    expect(after).toBeCloseTo(await predict(), 6);
  }, 30_000);
});
