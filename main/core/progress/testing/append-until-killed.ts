// Test support, run as a child process by the crash test: appends progress events through the
// core's record (the path the API's and the graders' appends share) as fast as it can, one or a
// batch at a time, from `writers` loops at once (so their appends are committed in groups), and
// prints the id of every event whose append returned. It never stops by itself; the test kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { createApiClient } from '../../../../common/contract/bridge.js';
import { createLogger } from '../../../../infra/log/logger.js';
import { createCore } from '../../create-core.js';
import { localBridge } from '../../local-bridge.js';

const [dataDir, learnerId, seedText, writersText] = process.argv.slice(2);
let seed = Number(seedText);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const core = await createCore({ dataDir: dataDir!, appVersion: '1.0.0', logger: createLogger('child') });
const api = createApiClient(localBridge(core));
const { session } = await api.openLearnerSession({ learnerId: learnerId! });
writeSync(1, 'ready\n');

async function write(): Promise<never> {
  for (;;) {
    const size = random() < 0.5 ? 1 : 1 + Math.floor(random() * 200);
    const events = Array.from({ length: size }, (_, i) => {
      const lessonId = `p/lesson-${Math.floor(random() * 50)}`;
      return i % 3 === 0
        ? { type: 'LessonOpened' as const, data: { lessonId } }
        : i % 3 === 1
          ? { type: 'LessonCompleted' as const, data: { lessonId, timeSpentMs: Math.floor(random() * 60_000) } }
          : {
              type: 'QuizAnswered' as const,
              data: { quizItemId: 'p/q1', correct: random() < 0.6, answer: 'x', timeSpentMs: 100, skills: ['p/s1'] },
            };
    });
    // Ids are chosen here so the parent learns them only once the append has returned.
    const withIds = events.map((e) => ({ ...e, eventId: uuidv7() }));
    await core.recordProgress(session, withIds);
    writeSync(1, `${withIds.map((e) => e.eventId).join('\n')}\n`);
  }
}

await Promise.all(Array.from({ length: Number(writersText ?? 1) }, write));
