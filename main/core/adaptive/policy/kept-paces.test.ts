import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../common/contract/bridge.js';
import type { RecordInput } from '../../../../common/contract/progress.js';
import { writePackFixture } from '../../../../content-packs/format/pack-fixture.js';
import { createCore } from '../../create-core.js';
import type { Core } from '../../create-core.js';
import { localBridge } from '../../local-bridge.js';
import { SHIPPED_PACKS } from '../testing/start-learner.js';

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

async function open(dataDir: string, packsDir: string) {
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: packsDir,
    logger: pino({ level: 'silent' }),
  });
  opened.push(core);
  return { core, api: createApiClient(localBridge(core)) };
}

/** Submissions on the shipped course's first exercises, passing or failing by a fixed pattern. */
const answers = (from: number, count: number, exerciseIds: string[]): RecordInput[] =>
  Array.from({ length: count }, (_, i) => ({
    type: 'ExerciseSubmitted' as const,
    data: {
      exerciseId: exerciseIds[(from + i) % exerciseIds.length]!,
      codeHash: 'a'.repeat(64),
      tests: [{ name: 't', status: (from + i) % 3 === 0 ? ('fail' as const) : ('pass' as const) }],
      durationMs: 500,
      hintsUsed: 0,
      skills: [],
    },
  }));

describe('the measured pace kept between recommendations', () => {
  it('gives what a fresh core gives, after answers here, answers from another connection and a pack installed there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kept-paces-'));
    const here = await open(dataDir, SHIPPED_PACKS);
    const { learner, session } = await here.api.createLearner({ profile: { displayName: 'Pia' } });
    const exerciseIds: string[] = [];
    // Every lesson read, so exercises are what is recommended.
    for (const module of await here.api.listModules()) {
      const structure = await here.api.getModuleStructure({ moduleId: module.id });
      if (exerciseIds.length < 12) exerciseIds.push(...structure.exercises.map((e) => e.id));
      await here.core.recordProgress(
        session,
        structure.lessons.map((l) => ({ type: 'LessonCompleted', data: { lessonId: l.id, timeSpentMs: 1000 } })),
      );
    }
    expect(exerciseIds.length).toBeGreaterThan(3);
    const recommend = () => here.api.recommendNextExercise({ session });
    /** A core opened now has kept nothing: its answer is the reference. */
    const fresh = (packsDir = SHIPPED_PACKS) => open(dataDir, packsDir);
    const freshAnswer = async () => {
      const other = await fresh();
      const { session: s } = await other.api.openLearnerSession({ learnerId: learner.id });
      return other.api.recommendNextExercise({ session: s });
    };

    await here.core.recordProgress(session, answers(0, 12, exerciseIds));
    const first = await recommend();
    expect(await recommend()).toEqual(first);
    expect(first).toEqual(await freshAnswer());

    // New answers here: the pace is measured again (its draw is seeded by the count of answers).
    await here.core.recordProgress(session, answers(12, 9, exerciseIds));
    const second = await recommend();
    expect(second).not.toEqual(first);
    expect(second).toEqual(await freshAnswer());

    // Answers recorded by another connection on the same file (a CLI while the app runs).
    const other = await fresh();
    const { session: otherSession } = await other.api.openLearnerSession({ learnerId: learner.id });
    await other.core.recordProgress(otherSession, answers(21, 9, exerciseIds));
    const third = await recommend();
    expect(third).not.toEqual(second);
    expect(third).toEqual(await freshAnswer());

    // A pack installed by another connection: difficulties and candidates come from the new catalog.
    await fresh(dirname(writePackFixture()));
    expect(await recommend()).toEqual(await freshAnswer());
  });
});
