import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnApi } from '../../common/contract/api.js';
import { createApiClient } from '../../common/contract/bridge.js';
import { LearnError } from '../../common/contract/errors.js';
import { loadPackSource } from '../../content-packs/format/pack-source.js';
import { writeCodeQuizPackFixture } from '../../main/core/assessment/testing/code-quiz-fixture.js';
import { checkPack } from '../../main/core/content/pack-check.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';
import { localBridge } from '../../main/core/local-bridge.js';

// The real Docker engine and the real python-3.11 image (.ci/run starts dockerd and builds it).
const RUNTIMES = join(process.cwd(), 'main', 'core', 'playground', 'runtimes');
const MODULE = 'demo/loops';
const ITEM = 'demo/double-it';

describe('code quiz items graded on the real engine', () => {
  let core: Core;
  let api: LearnApi;
  let session: string;
  const answer = (code: string) =>
    api.answerQuizItem({ session, moduleId: MODULE, itemId: ITEM, answer: { code }, timeSpentMs: 30_000 });
  const recorded = async () => (await api.getUserProgress({ session })).quizItems;

  beforeAll(async () => {
    core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'code-quiz-')),
      appVersion: '1.0.0',
      bundledPacksDir: writeCodeQuizPackFixture(),
      runtimesDir: RUNTIMES,
      logger: pino({ level: 'silent' }),
      playground: { poolSize: 2 },
    });
    api = createApiClient(localBridge(core));
    ({ session } = await api.createLearner({ profile: { displayName: 'Codie' } }));
    const status = await api.getPlaygroundStatus();
    if (status.state !== 'ready') throw new Error(`${status.message} ${status.fix}`);
    await core.warmUpPlayground();
  }, 120_000);
  afterAll(() => core?.close());

  it('marks code that passes every hidden test right, records QuizAnswered with its digest, and feeds mastery', async () => {
    const result = await answer('def double(n):\n    return n + n\n');
    expect(result).toMatchObject({
      itemId: ITEM,
      correct: true,
      expected: 'def double(n):\n    return 2 * n\n',
      checks: [
        { name: expect.stringContaining('test_doubles_a_negative_number'), status: 'pass' },
        { name: expect.stringContaining('test_doubles_a_positive_number'), status: 'pass' },
        { name: expect.stringContaining('test_doubles_a_string'), status: 'pass' },
      ],
    });
    expect(await recorded()).toEqual([expect.objectContaining({ quizItemId: ITEM, attempts: 1, correct: 1 })]);
    const { mastery } = await api.getProgressSummary({ session });
    expect(mastery).toEqual([expect.objectContaining({ skillId: 'demo/loops', correct: 1, attempts: 1 })]);
  });

  it('marks code that fails a test wrong, naming the test that failed and why', async () => {
    const result = await answer('def double(n):\n    return n * 2 if isinstance(n, int) and n > 0 else n\n');
    expect(result.correct).toBe(false);
    expect(result.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: expect.stringContaining('test_doubles_a_negative_number'),
          status: 'fail',
          message: expect.stringContaining('-6'),
        }),
      ]),
    );
    // The starter fails as an author's starter must: raising, never passing.
    expect((await answer('def double(n):\n    raise NotImplementedError\n')).correct).toBe(false);
  });

  it('marks code that does not load wrong, saying why in words', async () => {
    const result = await answer('def double(n)\n    return 2 * n\n');
    expect(result.correct).toBe(false);
    expect(result.checkMessage).toMatch(/solution\.py, line 1/);
    const missing = await answer('def triple(n):\n    return 3 * n\n');
    expect(missing.correct).toBe(false);
    expect(missing.checkMessage).toMatch(/`double`/);
  });

  it('runs code in any script, unicode identifiers and strings included', async () => {
    const result = await answer('def double(n):\n    résultat = n * 2  # ✓ 二倍\n    return résultat\n');
    expect(result.correct).toBe(true);
  });

  it('never lets code forge a pass: the tests run apart from it, so patching unittest changes nothing', async () => {
    const cheat =
      'import unittest\n' + 'unittest.TestCase.assertEqual = lambda *a, **k: None\n' + 'def double(n):\n    return 0\n';
    expect((await answer(cheat)).correct).toBe(false);
  });

  it('refuses empty, huge and broken code before running it, and records nothing', async () => {
    const before = await recorded();
    const refused = async (code: string) => {
      const error = await answer(code).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LearnError);
      return (error as LearnError).code === 'invalid-input' ? (error as LearnError).message : 'not refused';
    };
    await expect(refused('')).resolves.toMatch(/Write your code first/);
    await expect(refused('\n   \n')).resolves.toMatch(/Write your code first/);
    await expect(refused('# 🐍\n'.repeat(6000))).resolves.toMatch(/at most 20,000 characters/);
    await expect(refused('def double(n):\n    return "\udc00"\n')).resolves.toMatch(/broken Unicode/);
    await expect(refused('def double(n):\n    return 2 * n\u0000\n')).resolves.toMatch(/control characters/);
    expect(await recorded()).toEqual(before);
  });

  it('is what `pack check` runs: the shipped packs’ code items pass with their solution and fail with their starter', async () => {
    for (const name of ['python-foundations', 'lionagi-essentials']) {
      const pack = await loadPackSource(resolve('content-packs', name));
      const codeItems = [...pack.quizzes.values()].flat().filter((i) => i.kind === 'code');
      expect(codeItems.length, name).toBeGreaterThan(0);
      // Only the code items: the exercises have their own checks in the pack CLI's e2e.
      const onlyCode = {
        ...pack,
        manifest: { ...pack.manifest, modules: pack.manifest.modules.map((m) => ({ ...m, exercises: [] })) },
      };
      const report = await checkPack(onlyCode, core.gradeExercise);
      expect(report.exercises.map((c) => [c.kind, c.problems])).toEqual(codeItems.map(() => ['code item', []]));
    }
    // A code item whose starter passes is a problem the check names.
    const broken = await loadPackSource(join(writeCodeQuizPackFixture(), 'demo'));
    const items = broken.quizzes.get('loops')!.map((i) => (i.kind === 'code' ? { ...i, starter: i.solution } : i));
    broken.quizzes.set('loops', items);
    const report = await checkPack(
      {
        ...broken,
        manifest: { ...broken.manifest, modules: broken.manifest.modules.map((m) => ({ ...m, exercises: [] })) },
      },
      core.gradeExercise,
    );
    expect(report.exercises).toEqual([
      expect.objectContaining({ id: 'demo/double-it', problems: ['the starter passes the tests; it must fail them'] }),
    ]);
  });
});
