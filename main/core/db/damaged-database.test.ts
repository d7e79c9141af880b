import {
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../common/contract/bridge.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';
import { CORE_DATABASE_FILE } from './core-database.js';

const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => core.close()));

async function start(dataDir: string) {
  const core = await createCore({ dataDir, appVersion: '1.0.0', logger: pino({ level: 'silent' }) });
  opened.push(core);
  return { core, api: createApiClient(localBridge(core)) };
}

/** A data dir whose database holds one learner with `events` events, closed cleanly (WAL checkpointed). */
async function dataDirWithLearner(events: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'damaged-'));
  const { core, api } = await start(dataDir);
  const { session } = await api.createLearner({ profile: { displayName: 'Ada' } });
  const batch = Array.from({ length: events }, (_, i) => ({
    type: 'LessonCompleted' as const,
    data: { lessonId: `p/lesson-${i}`, timeSpentMs: 1000 },
  }));
  await api.updateUserProgress({ session, events: batch });
  core.close();
  opened.pop();
  return dataDir;
}

const file = (dataDir: string) => join(dataDir, CORE_DATABASE_FILE);

describe('a damaged database at start', () => {
  it('is detected, kept aside byte for byte, replaced by a fresh one, and what can be read is recovered', async () => {
    const dataDir = await dataDirWithLearner(3000);
    const size = statSync(file(dataDir)).size;
    // Scribble over pages in the second half of the file, where the events' index and rows live.
    const fd = openSync(file(dataDir), 'r+');
    for (let page = Math.floor(size / 4096 / 2); page < size / 4096; page += 3) {
      writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, page * 4096);
    }
    closeSync(fd);
    const damagedBytes = readFileSync(file(dataDir));

    const { core, api } = await start(dataDir);
    const info = await api.getAppInfo();
    expect(info.recovery).toMatchObject({ keptAs: expect.stringContaining('learn.db.damaged-') });
    expect(info.recovery!.reason.length).toBeGreaterThan(0);
    expect(core.recovery).toEqual(info.recovery);
    expect(readFileSync(info.recovery!.keptAs).equals(damagedBytes)).toBe(true);
    // The learner's profile sits on an early page and survives; events only as far as they read.
    expect((await api.listLearners()).map((l) => l.displayName)).toEqual(['Ada']);
    expect(info.recovery!.eventsRecovered).toBeLessThan(3000);
  });

  it('treats a truncated file the same way and never deletes it', async () => {
    const dataDir = await dataDirWithLearner(3000);
    truncateSync(file(dataDir), Math.floor(statSync(file(dataDir)).size / 3));
    const { api } = await start(dataDir);
    const { recovery } = await api.getAppInfo();
    expect(recovery?.reason).toMatch(/the file holds \d+ bytes of the \d+ its header promises/);
    const kept = readdirSync(dataDir).filter((f) => f.includes('damaged') && !/-(wal|shm)$/.test(f));
    expect(kept).toHaveLength(1);
    // The new database works.
    const { session } = await api.createLearner({ profile: { displayName: 'Bea' } });
    expect((await api.getLearner({ session })).displayName).toBe('Bea');
  });

  it('treats a file that is not a database at all the same way', async () => {
    const dataDir = await dataDirWithLearner(1);
    const fd = openSync(file(dataDir), 'r+');
    const text = Buffer.from('this is not a database, it is a shopping list');
    writeSync(fd, text, 0, text.length, 0);
    closeSync(fd);
    const { api } = await start(dataDir);
    expect((await api.getAppInfo()).recovery).toMatchObject({ learnersRecovered: 0, eventsRecovered: 0 });
  });

  it('opens a healthy database with no recovery and every event in place', async () => {
    const dataDir = await dataDirWithLearner(500);
    const { api } = await start(dataDir);
    expect((await api.getAppInfo()).recovery).toBeNull();
    const [ada] = await api.listLearners();
    const { session } = await api.openLearnerSession({ learnerId: ada!.id });
    expect((await api.getUserProgress({ session })).lessons).toHaveLength(500);
  });
});
