import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, dispatch } from '../../../common/contract/bridge.js';
import type { LearnError } from '../../../common/contract/errors.js';
import { writePackFixture } from '../../../content-packs/format/pack-fixture.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { localBridge } from '../local-bridge.js';
import { lockMsAfter } from './users-service.js';

const opened: Core[] = [];
afterEach(() => opened.splice(0).forEach((core) => core.close()));

async function start(options: { dataDir?: string; now?: () => Date; bundledPacksDir?: string } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'learners-'));
  const core = await createCore({
    dataDir,
    appVersion: '1.0.0',
    bundledPacksDir: options.bundledPacksDir ?? dirname(writePackFixture()),
    logger: pino({ level: 'silent' }),
    now: options.now,
  });
  opened.push(core);
  // Through the contract, as every face calls it: inputs validated, defaults filled in.
  return { core, api: createApiClient(localBridge(core)), dataDir };
}

const call = (core: Core, method: string, input: unknown) => dispatch(core.api, method, input, () => {});

describe('learners', () => {
  it('creates, lists and opens profiles; preferences start from defaults and merge key by key', async () => {
    const { api } = await start();
    const ada = await api.createLearner({ profile: { displayName: 'Ada', goals: ['Write a CLI tool'] } });
    await api.createLearner({ profile: { displayName: 'bob', avatar: 'fox' }, pin: '2468' });
    expect((await api.listLearners(undefined)).map((l) => [l.displayName, l.hasPin])).toEqual([
      ['Ada', false],
      ['bob', true],
    ]);
    expect(ada.learner).toMatchObject({ displayName: 'Ada', avatar: 'owl', goals: ['Write a CLI tool'] });
    const prefs = await api.updatePreferences({
      session: ada.session,
      preferences: { theme: 'dark', editor: { tabSize: 2 } },
    });
    expect(prefs).toMatchObject({ theme: 'dark', fontSize: 17, editor: { tabSize: 2, lineNumbers: true } });
    expect(await api.getUserPreferences({ session: ada.session })).toEqual(prefs);
    const renamed = await api.updateProfile({ session: ada.session, profile: { displayName: 'Ada L.' } });
    expect(renamed).toMatchObject({ displayName: 'Ada L.', goals: ['Write a CLI tool'] });
  });

  it('refuses a wrong PIN, never stores the PIN, and slows down after repeated wrong PINs', async () => {
    let clock = Date.parse('2026-05-01T09:00:00.000Z');
    const { api, dataDir } = await start({ now: () => new Date(clock) });
    const { learner } = await api.createLearner({ profile: { displayName: 'Cleo' }, pin: '13579' });
    const db = readFileSync(join(dataDir, 'learn.db'));
    expect(db.includes(Buffer.from('13579'))).toBe(false);

    await expect(api.openLearnerSession({ learnerId: learner.id })).rejects.toThrow(/needs its PIN/);
    for (let i = 0; i < 3; i++) {
      await expect(api.openLearnerSession({ learnerId: learner.id, pin: '0000' })).rejects.toThrow(/not right/);
    }
    // The fourth wrong PIN locks the profile and says so with the wait; even the right PIN waits.
    const locking = await api.openLearnerSession({ learnerId: learner.id, pin: '0000' }).catch((e: LearnError) => e);
    expect(locking).toMatchObject({ code: 'too-many-attempts', message: expect.stringMatching(/not right/) });
    expect((locking as LearnError).retryAfterMs).toBe(5_000);
    const locked = await api.openLearnerSession({ learnerId: learner.id, pin: '13579' }).catch((e: LearnError) => e);
    expect(locked).toMatchObject({ code: 'too-many-attempts', message: expect.stringMatching(/try again in 5 s/) });
    // The wait crosses the bridge as a number too, so a face can count it down.
    expect((locked as LearnError).retryAfterMs).toBe(5_000);
    clock += 5_001;
    await expect(api.openLearnerSession({ learnerId: learner.id, pin: '0000' })).rejects.toThrow(/not right/);
    await expect(api.openLearnerSession({ learnerId: learner.id, pin: '13579' })).rejects.toThrow(/try again in 10 s/);
    clock += 10_001;
    expect((await api.openLearnerSession({ learnerId: learner.id, pin: '13579' })).learner.displayName).toBe('Cleo');
    expect([1, 3, 4, 5, 6, 20].map(lockMsAfter)).toEqual([0, 0, 5_000, 10_000, 20_000, 900_000]);
  });

  it('keeps each learner to their own data: calls name a session, never a learner id', async () => {
    const { core, api } = await start();
    const ada = await api.createLearner({ profile: { displayName: 'Ada' } });
    const bob = await api.createLearner({ profile: { displayName: 'Bob' }, pin: '1111' });
    await api.trackProgress({
      session: bob.session,
      event: { type: 'LessonOpened', data: { lessonId: 'demo/hello' } },
    });

    expect((await api.getUserProgress({ session: ada.session })).lessons).toEqual([]);
    const smuggled = await call(core, 'getUserProgress', { session: ada.session, learnerId: bob.learner.id });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const forged = await call(core, 'trackProgress', {
      session: 'x'.repeat(43),
      event: { type: 'LessonOpened', data: { lessonId: 'demo/hello' } },
    });
    expect(forged).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/not open/) },
    });
    await api.closeLearnerSession({ session: bob.session });
    await expect(api.getUserProgress({ session: bob.session })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses an event whose payload fails its schema, with a message naming the field', async () => {
    const { core, api } = await start();
    const { session } = await api.createLearner({ profile: { displayName: 'Ada' } });
    const bad = await call(core, 'trackProgress', {
      session,
      event: { type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 'long' } },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('timeSpentMs') },
    });
    const unknownType = await call(core, 'trackProgress', { session, event: { type: 'LessonDeleted', data: {} } });
    expect(unknownType).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await api.getUserProgress({ session })).lessons).toEqual([]);
  });

  it('summarises completion per module and pack, mastery, time on task, streak and where to resume', async () => {
    const { api, core } = await start({ now: () => new Date('2026-05-03T20:00:00.000Z') });
    const { session } = await api.createLearner({ profile: { displayName: 'Ada' } });
    const day = (d: number, h = 9) => new Date(Date.UTC(2026, 4, d, h)).toISOString();
    await core.recordProgress(session, [
      { type: 'LessonOpened', timestamp: day(1), data: { lessonId: 'demo/hello' } },
      { type: 'LessonCompleted', timestamp: day(1), data: { lessonId: 'demo/hello', timeSpentMs: 60_000 } },
      { type: 'LessonCompleted', timestamp: day(2), data: { lessonId: 'demo/names', timeSpentMs: 30_000 } },
      { type: 'ExerciseStarted', timestamp: day(3), data: { exerciseId: 'demo/count-down' } },
      {
        type: 'QuizAnswered',
        timestamp: day(3),
        data: { quizItemId: 'demo/range-stop', correct: true, answer: '1', timeSpentMs: 5_000 },
      },
    ]);
    const summary = await api.getProgressSummary({ session, days: 3 });
    expect(summary.modules).toEqual([
      { moduleId: 'demo/basics', packId: 'demo', title: 'Basics', total: 2, completed: 2 },
      { moduleId: 'demo/loops', packId: 'demo', title: 'Loops', total: 4, completed: 1 },
    ]);
    expect(summary.packs).toEqual([{ packId: 'demo', title: 'Demo pack', total: 6, completed: 3 }]);
    // The quiz item's skills came from the pack, so mastery needs no client help.
    expect(summary.mastery).toEqual([{ skillId: 'demo/loops', title: 'Loops', correct: 1, attempts: 1 }]);
    expect(summary).toMatchObject({ streakDays: 3, longestStreakDays: 3, timeOnTaskMs: 95_000 });
    expect(summary.resume).toMatchObject({ contentId: 'demo/count-down', title: 'Count down' });
    expect(summary.days.map((d) => d.day)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);

    // Seen from UTC-10 (offset +600), 09:00 UTC is the evening before: the days shift.
    const west = await api.getProgressSummary({ session, tzOffsetMinutes: 600, days: 4 });
    expect(west.days.filter((d) => d.events > 0).map((d) => d.day)).toEqual(['2026-04-30', '2026-05-01', '2026-05-02']);
    expect(west.streakDays).toBe(3);
  });

  it("carries a learner's progress to a new version of a pack, for the ids that still exist", async () => {
    const packs = dirname(writePackFixture());
    const first = await start({ bundledPacksDir: packs });
    const { session, learner } = await first.api.createLearner({ profile: { displayName: 'Ana' } });
    await first.api.trackProgress({
      session,
      event: { type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 1000 } },
    });
    first.core.close();
    opened.splice(opened.indexOf(first.core), 1);

    // The app ships version 2 of the pack: "names" is gone, "hello" is still there.
    const v2 = writePackFixture({ version: '2.0.0' }, packs);
    const manifest = JSON.parse(readFileSync(join(v2, 'pack.json'), 'utf8'));
    manifest.modules[0].lessons = manifest.modules[0].lessons.filter((l: { id: string }) => l.id !== 'names');
    writeFileSync(join(v2, 'pack.json'), JSON.stringify(manifest));
    const second = await start({ dataDir: first.dataDir, bundledPacksDir: packs });
    expect((await second.api.getContentVersion({ contentId: 'demo/hello' })).version).toBe('2.0.0');
    const again = await second.api.openLearnerSession({ learnerId: learner.id });
    const summary = await second.api.getProgressSummary({ session: again.session });
    expect(summary.modules[0]).toMatchObject({ moduleId: 'demo/basics', total: 1, completed: 1 });
  });

  it('removes a learner (an admin) only with their name typed back, after writing their export', async () => {
    const { api, core } = await start();
    const { session, learner } = await api.createLearner({ profile: { displayName: 'Dora' } });
    await api.trackProgress({ session, event: { type: 'LessonOpened', data: { lessonId: 'demo/hello' } } });
    const admin = core.ownerSession();
    const remove = (confirmName: string) => api.removeLearner({ session: admin, learnerId: learner.id, confirmName });
    await expect(remove('dora')).rejects.toThrow(/type its name exactly/);
    const { exportFile } = await remove('Dora');
    const lines = readFileSync(exportFile, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'lionlearn-learner', learner: { id: learner.id } });
    expect(lines).toHaveLength(2);
    expect(await api.listLearners(undefined)).toEqual([]);
    await expect(api.getLearner({ session })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('learner export and import', () => {
  it('moves a learner to another machine with every event, and importing twice adds nothing', async () => {
    const home = await start();
    const { session, learner } = await home.api.createLearner({ profile: { displayName: 'Eve' }, pin: '4321' });
    await home.api.updateUserProgress({
      session,
      events: [
        { type: 'LessonOpened', data: { lessonId: 'demo/hello' } },
        { type: 'LessonCompleted', data: { lessonId: 'demo/hello', timeSpentMs: 1000 } },
      ],
    });
    const { file, events } = await home.api.exportLearner({ session });
    expect(events).toBe(2);

    const lab = await start();
    expect(await lab.api.importLearner({ file })).toEqual({
      learnerId: learner.id,
      created: true,
      appended: 2,
      duplicates: 0,
    });
    // The PIN moved with the profile (as its hash), so a second import needs the learner's session.
    await expect(lab.api.importLearner({ file })).rejects.toThrow(/has a PIN/);
    const opened = await lab.api.openLearnerSession({ learnerId: learner.id, pin: '4321' });
    expect(await lab.api.importLearner({ file, session: opened.session })).toMatchObject({
      appended: 0,
      duplicates: 2,
    });
    expect(await lab.api.getUserProgress({ session: opened.session })).toEqual(
      await home.api.getUserProgress({ session }),
    );
  });

  it('refuses a file with a bad line, naming the line, and imports nothing from it', async () => {
    const home = await start();
    const { session } = await home.api.createLearner({ profile: { displayName: 'Finn' } });
    await home.api.trackProgress({ session, event: { type: 'LessonOpened', data: { lessonId: 'demo/hello' } } });
    const { file } = await home.api.exportLearner({ session });
    const lines = readFileSync(file, 'utf8').split('\n');
    const tampered = join(dirname(file), 'tampered.jsonl');
    const event = JSON.parse(lines[1]!);
    writeFileSync(tampered, [lines[0], lines[1], JSON.stringify({ ...event, eventId: 'nope' }), ''].join('\n'));

    const lab = await start();
    await expect(lab.api.importLearner({ file: tampered })).rejects.toThrow(/line 3: .*eventId/s);
    writeFileSync(tampered, `${lines[0]}\n{"type": \n`);
    await expect(lab.api.importLearner({ file: tampered })).rejects.toThrow(/line 2: not valid JSON/);
    expect(await lab.api.listLearners(undefined)).toEqual([]);
  });
});
