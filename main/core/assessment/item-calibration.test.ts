import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';
import { parseAnswerFile } from './answer-file.js';
import { writeQuizPackFixture } from './testing/quiz-fixture.js';

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

describe('an answers file', () => {
  it('reads CSV with its columns in any order, a BOM, CRLF and words for the verdict, and JSON', () => {
    expect(
      parseAnswerFile('\uFEFFitem,Correct,learner\r\ndemo/a,1,ann\r\ndemo/b,false,ann\r\n\r\ndemo/a,right,bo\n'),
    ).toEqual([
      { learner: 'ann', item: 'demo/a', correct: true },
      { learner: 'ann', item: 'demo/b', correct: false },
      { learner: 'bo', item: 'demo/a', correct: true },
    ]);
    expect(
      parseAnswerFile(
        '[{"learner":"ann","item":"demo/a","correct":true},{"learner":"bo","item":"demo/a","correct":0}]',
      ),
    ).toEqual([
      { learner: 'ann', item: 'demo/a', correct: true },
      { learner: 'bo', item: 'demo/a', correct: false },
    ]);
  });

  it.each([
    ['an empty file', '  \n', /empty/],
    ['a header only', 'learner,item,correct\n', /no answers/],
    ['a missing column', 'learner,item\nann,demo/a\n', /needs "correct"/],
    ['an unreadable verdict', 'learner,item,correct\nann,demo/a,1\nann,demo/b,maybe\n', /Line 3 of the CSV/],
    ['a missing learner', 'learner,item,correct\n,demo/a,1\n', /Line 2/],
    ['a huge id', `learner,item,correct\nann,${'x'.repeat(200)},1\n`, /too long/],
    ['broken JSON', '[{"learner":', /not valid JSON/],
    ['JSON that is not a list', '{"learner":"ann"}', /not valid JSON|list/],
    ['a JSON answer of the wrong shape', '[{"learner":"ann","item":"demo/a","correct":"yes"}]', /Answer 1 of the JSON/],
    ['a JSON answer with more fields', '[{"learner":"ann","item":"demo/a","correct":true,"extra":1}]', /Answer 1/],
  ])('refuses %s, naming what is wrong', (_name, text, message) => {
    expect(() => parseAnswerFile(text)).toThrow(message);
  });
});

describe('calibrating the installed bank', () => {
  async function start() {
    const dataDir = mkdtempSync(join(tmpdir(), 'calibrate-'));
    const core = await createCore({
      dataDir,
      appVersion: '1.0.0',
      bundledPacksDir: writeQuizPackFixture(),
      logger: pino({ level: 'silent' }),
    });
    opened.push(core);
    const api = createApiClient(localBridge(core));
    const { session } = await api.createLearner({ profile: { displayName: 'Lin' } });
    const params = () => {
      const db = new Database(join(dataDir, 'learn.db'), { readonly: true });
      try {
        return db
          .prepare('SELECT item_id AS item, discrimination AS a, difficulty AS b, answers FROM item_parameters')
          .all();
      } finally {
        db.close();
      }
    };
    const asked = () => {
      const db = new Database(join(dataDir, 'learn.db'), { readonly: true });
      try {
        return db.prepare('SELECT item_id AS item, discrimination AS a, difficulty AS b FROM assessment_answers').all();
      } finally {
        db.close();
      }
    };
    return { core, api, session, params, asked };
  }

  const classAnswers = () =>
    Array.from({ length: 60 }, (_, l) => [
      { learner: `l${l}`, item: 'demo/range-stop', correct: l % 10 !== 0 },
      { learner: `l${l}`, item: 'demo/loop-count', correct: l % 3 === 0 },
    ]).flat();

  it('is an admin’s: a learner is refused and nothing is stored', async () => {
    const { core, session, params } = await start();
    expect(() => core.calibrateItems(session, classAnswers())).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(params()).toEqual([]);
  });

  it('refuses answers naming an item that is not installed, storing nothing', async () => {
    const { core, params } = await start();
    const answers = [...classAnswers(), { learner: 'x', item: 'demo/not-installed', correct: true }];
    expect(() => core.calibrateItems(core.ownerSession(), answers)).toThrow(
      /"demo\/not-installed".*nothing was calibrated/,
    );
    expect(params()).toEqual([]);
  });

  it('stores the fitted parameters, and the next adaptive test asks with them', async () => {
    const { core, api, session, params, asked } = await start();
    const fit = core.calibrateItems(core.ownerSession(), classAnswers());
    expect(fit).toMatchObject({ source: 'file', learners: 60, converged: true });
    const stored = params() as { item: string; a: number; b: number; answers: number }[];
    expect(stored.map((p) => [p.item, p.answers]).sort()).toEqual([
      ['demo/loop-count', 60],
      ['demo/range-stop', 60],
    ]);
    const b = (id: string) => stored.find((p) => p.item === id)!.b;
    // Two in three missed loop-count, one in ten range-stop: loop-count is the harder.
    expect(b('demo/loop-count')).toBeGreaterThan(b('demo/range-stop'));

    const state = await api.generateAssessment({
      session,
      topicId: 'demo/loops',
      kind: 'fixed',
      itemIds: ['demo/loop-count', 'demo/cafe-word'],
    });
    await api.answerAssessmentItem({
      session,
      assessmentId: state.assessmentId,
      itemId: 'demo/loop-count',
      answer: 3,
      timeSpentMs: 1,
    });
    const loop = stored.find((p) => p.item === 'demo/loop-count')!;
    expect(asked()).toEqual([{ item: 'demo/loop-count', a: loop.a, b: loop.b }]);
  });

  it('fits from this machine’s own quiz answers when given none', async () => {
    const { core, api, session, params } = await start();
    expect(() => core.calibrateItems(core.ownerSession())).toThrow(/no quiz answers/);
    await api.answerQuizItem({ session, moduleId: 'demo/loops', itemId: 'demo/range-stop', answer: 1, timeSpentMs: 1 });
    await api.answerQuizItem({ session, moduleId: 'demo/loops', itemId: 'demo/range-stop', answer: 0, timeSpentMs: 1 });
    expect(core.calibrateItems(core.ownerSession())).toMatchObject({
      source: 'app',
      learners: 1,
      items: [{ item: 'demo/range-stop', answers: 1 }],
    });
    expect(params()).toHaveLength(1);
  });
});
