import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import { quizItemSchema } from '../../../content-packs/format/manifest.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';
import { DockerEngine } from '../playground/docker-engine.js';
import { DOUBLE_ITEM, writeCodeQuizPackFixture } from './testing/code-quiz-fixture.js';

const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => void core.close()));

const MODULE = 'demo/loops';
const ITEM = 'demo/double-it';

/** A core whose Docker engine is a socket that does not exist: code cannot run, as on a machine without Docker. */
async function start() {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'code-items-')),
    appVersion: '1.0.0',
    bundledPacksDir: writeCodeQuizPackFixture(),
    runtimesDir: join(process.cwd(), 'main', 'core', 'playground', 'runtimes'),
    logger: pino({ level: 'silent' }),
    playground: { engine: new DockerEngine({ docker: new Docker({ socketPath: '/nonexistent/docker.sock' }) }) },
  });
  opened.push(core);
  const bridge = localBridge(core);
  const api = createApiClient(bridge);
  const { session } = await api.createLearner({ profile: { displayName: 'Cody' } });
  const recorded = async () => (await api.getUserProgress({ session })).quizItems;
  return { api, bridge, session, recorded };
}

describe('code quiz items in the pack format', () => {
  it('joins source written as lines, and refuses a blank or missing part', () => {
    const item = quizItemSchema.parse(DOUBLE_ITEM);
    expect(item).toMatchObject({ kind: 'code', starter: 'def double(n):\n    raise NotImplementedError\n' });
    expect(item.kind === 'code' && item.tests).toContain('class DoubleTests(unittest.TestCase):\n');
    expect(() => quizItemSchema.parse({ ...DOUBLE_ITEM, solution: '  \n' })).toThrow('solution must not be blank');
    expect(() => quizItemSchema.parse({ ...DOUBLE_ITEM, tests: [] })).toThrow('tests must not be blank');
    const { tests: _tests, ...noTests } = DOUBLE_ITEM;
    expect(() => quizItemSchema.parse(noTests)).toThrow();
    expect(() => quizItemSchema.parse({ ...DOUBLE_ITEM, starter: 'x'.repeat(20_001) })).toThrow(
      'starter is at most 20,000 characters',
    );
  });
});

describe('a code quiz item', () => {
  it('shows its prompt and starter, never its solution or hidden tests', async () => {
    const { api, session } = await start();
    const quiz = await api.getQuiz({ session, moduleId: MODULE });
    const item = quiz.items.find((i) => i.id === ITEM)!;
    expect(item).toEqual({
      id: ITEM,
      kind: 'code',
      prompt: DOUBLE_ITEM.prompt,
      starter: 'def double(n):\n    raise NotImplementedError\n',
      difficulty: 2,
      skills: ['demo/loops'],
    });
    const wire = JSON.stringify(quiz);
    expect(wire).not.toContain('return 2 * n');
    expect(wire).not.toContain('DoubleTests');
  });

  it('is unavailable, not failed, when Docker cannot run code: nothing is recorded', async () => {
    const { bridge, session, recorded } = await start();
    const answer = { code: 'def double(n):\n    return 2 * n\n' };
    const result = await bridge.answerQuizItem({ session, moduleId: MODULE, itemId: ITEM, answer, timeSpentMs: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!result.ok && result.error.message).toMatch(/Docker/);
    expect(await recorded()).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['empty code', { code: '' }, /Write your code first/],
    ['blank code', { code: ' \n\t\n' }, /Write your code first/],
    ['huge code', { code: 'x = 1\n'.repeat(4000) }, /code is at most 20,000 characters/],
    ['huge unicode code', { code: '# 日本語 🐍\n'.repeat(3000) }, /code is at most 20,000 characters/],
    ['a lone surrogate', { code: 'def double(n):\n    return "\ud800"\n' }, /broken Unicode/],
    ['a NUL character', { code: 'def double(n):\u0000\n    return 2 * n\n' }, /control characters/],
    ['text instead of code', 'def double(n): return 2 * n', /send your code as \{ code \}/],
    ['a choice instead of code', 1, /send your code as \{ code \}/],
    ['code with an unknown field', { code: 'x = 1', run: true }, /fields this version does not know: run/],
    ['code of the wrong type', { code: 42 }, /an answer is/],
  ])('refuses %s as invalid input before anything runs, and records nothing', async (_name, answer, message) => {
    const { bridge, session, recorded } = await start();
    const result = await bridge.answerQuizItem({ session, moduleId: MODULE, itemId: ITEM, answer, timeSpentMs: 1000 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(message) },
    });
    expect(await recorded()).toEqual([]);
  });

  it('refuses code as the answer to a choice item', async () => {
    const { bridge, session, recorded } = await start();
    const result = await bridge.answerQuizItem({
      session,
      moduleId: MODULE,
      itemId: 'demo/range-stop',
      answer: { code: 'print(1)' },
      timeSpentMs: 1000,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await recorded()).toEqual([]);
  });
});
