import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { LearnEvent } from '../../../common/contract/events.js';
import { preferencesSchema } from '../../../common/contract/learners.js';
import { createCore } from '../create-core.js';
import type { Core } from '../create-core.js';
import { createApiClient, localizedBridge } from '../../../common/contract/bridge.js';
import { coreTranslate, createCoreI18n } from '../../../common/i18n/translator.js';
import { localBridge } from '../local-bridge.js';
import { writeQuizPackFixture } from '../assessment/testing/quiz-fixture.js';
import { noticesAt } from './local-sources.js';

type NotificationsEvent = Extract<LearnEvent, { type: 'notifications' }>;

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** A core whose clock the test sets (time only: the database, the sessions and the policy are the real ones). */
async function coreAt(start: string) {
  let now = new Date(start);
  core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'notify-core-')),
    appVersion: '1.0.0',
    logger: pino({ level: 'silent' }),
    now: () => now,
    timeZone: 'Europe/Berlin',
  });
  const events: NotificationsEvent[] = [];
  core.onEvent((event) => event.type === 'notifications' && events.push(event));
  const { session, learner } = await core.api.createLearner({
    profile: { displayName: 'Ada', avatar: 'owl', goals: [] },
  });
  return {
    core,
    session,
    learnerId: learner.id,
    events,
    alerts: () => events.flatMap((event) => event.alerts.map((alert) => alert.title)),
    setClock: (at: string) => void (now = new Date(at)),
  };
}

const due = (id: string) => ({ id, title: `Exercise ${id}`, dueAt: '2026-03-03T12:00:00Z', link: `#/exercises/${id}` });

describe("the device's notifications on an injected clock", () => {
  it('holds alerts in quiet hours (across midnight, local time), then stops at the daily cap until the next day', async () => {
    const t = await coreAt('2026-03-01T22:00:00Z'); // 23:00 in Berlin
    await t.core.api.updatePreferences({
      session: t.session,
      preferences: { notifications: { quietHours: true, quietFrom: '22:00', quietTo: '07:00', dailyCap: 2 } },
    });
    t.core.notifications.assignmentDue(t.learnerId, due('a1'));
    expect(t.alerts()).toEqual([]);
    expect(t.events.at(-1)?.unread).toBe(1);

    t.setClock('2026-03-02T05:59:00Z'); // 06:59: still quiet
    t.core.notifications.tick();
    expect(t.alerts()).toEqual([]);
    t.setClock('2026-03-02T06:30:00Z'); // 07:30: quiet hours over, the held alert goes out once
    t.core.notifications.tick();
    t.core.notifications.tick();
    expect(t.alerts()).toEqual(['Due soon: Exercise a1']);

    t.core.notifications.assignmentDue(t.learnerId, due('a2'));
    t.setClock('2026-03-02T06:31:00Z');
    t.core.notifications.assignmentDue(t.learnerId, due('a3'));
    expect(t.alerts()).toEqual(['Due soon: Exercise a1', 'Due soon: Exercise a2']);

    t.setClock('2026-03-02T23:30:00Z'); // 00:30 on the 3rd in Berlin, in quiet hours: a new day, still quiet
    t.core.notifications.assignmentDue(t.learnerId, due('a4'));
    expect(t.alerts()).toHaveLength(2);
    t.setClock('2026-03-03T08:00:00Z');
    t.core.notifications.tick();
    expect(t.alerts()).toEqual(['Due soon: Exercise a1', 'Due soon: Exercise a2', 'Due soon: Exercise a4']);

    // The inbox kept everything, newest first, unread; the capped one was never alerted.
    const list = await t.core.api.listNotifications({ session: t.session });
    expect(list.items.map((item) => item.id)).toEqual([
      'assignment-due/a4',
      'assignment-due/a3',
      'assignment-due/a2',
      'assignment-due/a1',
    ]);
    expect(list.unread).toBe(4);
  });

  it('follows the switch per kind, makes one item per occasion, and tells the faces only of changes', async () => {
    const t = await coreAt('2026-03-01T10:00:00Z');
    await t.core.api.updatePreferences({ session: t.session, preferences: { notifications: { assignments: false } } });
    expect(t.core.notifications.assignmentDue(t.learnerId, due('b1'))).toBe(true);
    expect(t.core.notifications.assignmentDue(t.learnerId, due('b1'))).toBe(false);
    expect(t.alerts()).toEqual([]);
    await t.core.api.updatePreferences({ session: t.session, preferences: { notifications: { assignments: true } } });
    t.core.notifications.assignmentDue(t.learnerId, due('b2'));
    // b1 was decided (its kind was off) and stays unalerted; b2 is alerted.
    expect(t.alerts()).toEqual(['Due soon: Exercise b2']);

    const told = t.events.length;
    await t.core.api.listNotifications({ session: t.session });
    await t.core.api.listNotifications({ session: t.session });
    expect(t.events).toHaveLength(told);

    const marked = await t.core.api.markNotificationsRead({ session: t.session, ids: ['assignment-due/b1'] });
    expect(marked.unread).toBe(1);
    expect(t.events.at(-1)?.unread).toBe(1);
    const all = await t.core.api.markAllNotificationsRead({ session: t.session });
    expect(all.unread).toBe(0);
    const dismissed = await t.core.api.dismissNotifications({ session: t.session, ids: ['assignment-due/b2'] });
    expect(dismissed.items.map((item) => item.id)).toEqual(['assignment-due/b1']);
  });

  it('alerts only the learner whose profile is open here', async () => {
    const t = await coreAt('2026-03-01T10:00:00Z');
    await t.core.api.closeLearnerSession({ session: t.session });
    t.core.notifications.assignmentDue(t.learnerId, due('c1'));
    expect(t.alerts()).toEqual([]);
    const { session } = await t.core.api.openLearnerSession({ learnerId: t.learnerId });
    await t.core.api.listNotifications({ session });
    expect(t.alerts()).toEqual(['Due soon: Exercise c1']);
  });

  it("keeps a notice's catalog references, so a German face says it in German with a German date", async () => {
    const t = await coreAt('2026-03-01T10:00:00Z');
    t.core.notifications.assignmentDue(t.learnerId, due('d1'));
    const read = localizedBridge(localBridge(t.core), coreTranslate(createCoreI18n('de'), 'Europe/Berlin'));
    const { items } = await createApiClient(read).listNotifications({ session: t.session });
    expect(items).toEqual([
      expect.objectContaining({ title: 'Bald fällig: Exercise d1', body: 'Fällig am 03.03.2026, 13:00.' }),
    ]);
    // Stored English stays for older faces and logs.
    const english = await t.core.api.listNotifications({ session: t.session });
    expect(english.items[0]).toMatchObject({
      title: 'Due soon: Exercise d1',
      titleI18n: { key: 'notice-assignment-due' },
    });
  });
});

describe("the desktop tray's count", () => {
  it('is the reviews due now for the open profile, and null when no profile is open', async () => {
    core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'notify-tray-')),
      appVersion: '1.0.0',
      bundledPacksDir: writeQuizPackFixture(),
      logger: pino({ level: 'silent' }),
      now: () => new Date('2026-03-01T12:00:00.000Z'),
    });
    expect(core.notifications.reviewsDue()).toBeNull();
    const { session } = await core.api.createLearner({
      profile: { displayName: 'Rey', avatar: 'owl', goals: [] },
    });
    expect(core.notifications.reviewsDue()).toBe(0);
    // Three right answers in January: the skill is mastered, and its first review is due by March.
    await core.recordProgress(
      session,
      ['range-stop', 'loop-count', 'no-return'].map((id, minute) => ({
        type: 'QuizAnswered' as const,
        timestamp: new Date(Date.UTC(2026, 0, 10, 9, minute)).toISOString(),
        data: { quizItemId: `demo/${id}`, correct: true, answer: '4', timeSpentMs: 3000 },
      })),
    );
    expect(core.notifications.reviewsDue()).toBe(1);
    await core.api.closeLearnerSession({ session });
    expect(core.notifications.reviewsDue()).toBeNull();
  });
});

describe('local sources', () => {
  const preferences = preferencesSchema.parse({ dailyGoalMinutes: 20 });
  const moment = { reviewsDue: 0, streakDays: 0, activeToday: false, todayMs: 0, preferences };

  it('says reviews due once a day, a streak at risk in the evening, the daily goal once reached', () => {
    const morning = new Date('2026-03-01T08:00:00Z');
    expect(noticesAt(moment, morning, 'Europe/Berlin')).toEqual([]);
    expect(noticesAt({ ...moment, reviewsDue: 3 }, morning, 'Europe/Berlin')).toEqual([
      expect.objectContaining({ id: 'reviews-due/2026-03-01', kind: 'reviews-due', title: '3 reviews due' }),
    ]);
    expect(noticesAt({ ...moment, reviewsDue: 1 }, morning, 'Europe/Berlin')[0]?.title).toBe('1 review due');
    // A 4-day streak with nothing done today: quiet in the morning, a warning from 18:00 local time.
    const streak = { ...moment, streakDays: 4 };
    expect(noticesAt(streak, morning, 'Europe/Berlin')).toEqual([]);
    expect(noticesAt(streak, new Date('2026-03-01T17:00:00Z'), 'Europe/Berlin')).toEqual([
      expect.objectContaining({ id: 'streak/2026-03-01', title: 'Your 4 days streak ends at midnight' }),
    ]);
    expect(noticesAt({ ...streak, activeToday: true }, new Date('2026-03-01T17:00:00Z'), 'Europe/Berlin')).toEqual([]);
    expect(noticesAt({ ...moment, todayMs: 19 * 60_000 }, morning, 'Europe/Berlin')).toEqual([]);
    expect(noticesAt({ ...moment, todayMs: 20 * 60_000 }, morning, 'Europe/Berlin')).toEqual([
      expect.objectContaining({ id: 'daily-goal/2026-03-01', kind: 'daily-goal' }),
    ]);
  });
});
