import { describe, expect, it } from 'vitest';
import { preferencesSchema } from '../../../common/contract/learners.js';
import type { Preferences } from '../../../common/contract/learners.js';
import { decideAlerts, INBOX_LINK } from './alert-policy.js';
import type { AlertCandidate } from './alert-policy.js';
import { inQuietHours, localClock } from './local-clock.js';

const settings = (change: Partial<Preferences['notifications']> = {}): Preferences['notifications'] => ({
  ...preferencesSchema.parse({}).notifications,
  ...change,
});

let n = 0;
const item = (kind: string, title = `${kind} ${++n}`, at = `2026-03-01T10:00:${String(n % 60).padStart(2, '0')}Z`) =>
  ({ id: `${kind}-${n}`, kind, title, body: `body of ${title}`, link: null, at }) satisfies AlertCandidate;

const at = (minutes: number) => ({ day: '2026-03-01', minutes });

describe('quiet hours', () => {
  const cases: [string, string, string, boolean][] = [
    // Across midnight.
    ['21:59', '22:00', '07:00', false],
    ['22:00', '22:00', '07:00', true],
    ['23:59', '22:00', '07:00', true],
    ['00:00', '22:00', '07:00', true],
    ['06:59', '22:00', '07:00', true],
    ['07:00', '22:00', '07:00', false],
    ['12:00', '22:00', '07:00', false],
    // Within one day.
    ['12:59', '13:00', '14:00', false],
    ['13:00', '13:00', '14:00', true],
    ['13:59', '13:00', '14:00', true],
    ['14:00', '13:00', '14:00', false],
    // Equal ends are no quiet hours, not a silent day.
    ['03:00', '08:00', '08:00', false],
  ];
  it.each(cases)('at %s with %s-%s is quiet: %s', (time, from, to, quiet) => {
    const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    expect(inQuietHours(minutes, from, to)).toBe(quiet);
  });

  it('reads the wall clock of the named zone, daylight saving included', () => {
    // 21:30 UTC is 22:30 in Berlin in winter and 23:30 in summer; 05:30 in Tokyo the next day.
    expect(localClock(new Date('2026-01-15T21:30:00Z'), 'Europe/Berlin')).toEqual({
      day: '2026-01-15',
      minutes: 22 * 60 + 30,
    });
    expect(localClock(new Date('2026-07-15T21:30:00Z'), 'Europe/Berlin')).toEqual({
      day: '2026-07-15',
      minutes: 23 * 60 + 30,
    });
    expect(localClock(new Date('2026-07-15T21:30:00Z'), 'Asia/Tokyo')).toEqual({
      day: '2026-07-16',
      minutes: 6 * 60 + 30,
    });
  });

  it('holds alerts during quiet hours and lets them out after, collapsed', () => {
    const candidates = [item('class-message'), item('class-message')];
    const quiet = settings({ quietHours: true, quietFrom: '22:00', quietTo: '07:00' });
    const night = decideAlerts({ candidates, settings: quiet, clock: at(23 * 60), shownToday: 0 });
    expect(night).toEqual({ shown: [], suppressed: [], deferred: candidates.map((c) => c.id) });
    const morning = decideAlerts({ candidates, settings: quiet, clock: at(7 * 60), shownToday: 0 });
    expect(morning.shown).toHaveLength(1);
    expect(morning.shown[0]!.alert.title).toBe('2 messages from your class');
    // Off, the same hour alerts at once.
    expect(decideAlerts({ candidates, settings: settings(), clock: at(23 * 60), shownToday: 0 }).shown).toHaveLength(1);
  });
});

describe('alert decisions', () => {
  it('collapses a burst of one kind into one alert that opens the inbox, a single item into itself', () => {
    const reviews = [item('reviews-due'), item('reviews-due'), item('reviews-due')];
    const message = { ...item('class-message', 'Quiz on Friday'), link: '#/lessons/x' };
    const decision = decideAlerts({
      candidates: [...reviews, message],
      settings: settings(),
      clock: at(600),
      shownToday: 0,
    });
    expect(decision.shown.map((s) => s.alert)).toEqual(
      expect.arrayContaining([
        {
          title: '3 review reminders',
          body: expect.stringContaining(reviews[0]!.title),
          titleI18n: { key: 'alert-reviews-due', params: { count: 3 } },
          bodyI18n: expect.objectContaining({ key: 'alert-titles-3' }) as unknown,
          itemId: null,
          link: INBOX_LINK,
        },
        { title: 'Quiz on Friday', body: message.body, itemId: message.id, link: '#/lessons/x' },
      ]),
    );
    expect(decision.shown.flatMap((s) => s.ids).sort()).toEqual([...reviews, message].map((c) => c.id).sort());
  });

  it('stops at the daily cap, counting alerts already shown today, and never alerts what it dropped', () => {
    const candidates = [item('class-message'), item('announcement'), item('pack-update'), item('streak')];
    const capped = decideAlerts({ candidates, settings: settings({ dailyCap: 3 }), clock: at(600), shownToday: 1 });
    expect(capped.shown).toHaveLength(2);
    expect(capped.suppressed).toHaveLength(2);
    expect(capped.deferred).toEqual([]);
    const none = decideAlerts({ candidates, settings: settings({ dailyCap: 3 }), clock: at(600), shownToday: 3 });
    expect(none.shown).toEqual([]);
    expect(none.suppressed.sort()).toEqual(candidates.map((c) => c.id).sort());
    expect(
      decideAlerts({ candidates, settings: settings({ dailyCap: 0 }), clock: at(600), shownToday: 0 }).shown,
    ).toEqual([]);
  });

  it('follows the switch of each kind, and the desktop switch for all', () => {
    const kinds = [
      ['reviews-due', 'reviewsDue'],
      ['class-message', 'classMessages'],
      ['announcement', 'classMessages'],
      ['streak', 'achievements'],
      ['daily-goal', 'achievements'],
      ['pack-update', 'appUpdates'],
      ['sandbox-ready', 'appUpdates'],
      ['assignment-due', 'assignments'],
      ['new-assignment', 'assignments'],
    ] as const;
    for (const [kind, key] of kinds) {
      const candidate = item(kind);
      const off = decideAlerts({
        candidates: [candidate],
        settings: settings({ [key]: false }),
        clock: at(600),
        shownToday: 0,
      });
      expect({ kind, off }).toEqual({ kind, off: { shown: [], suppressed: [candidate.id], deferred: [] } });
      const on = decideAlerts({ candidates: [candidate], settings: settings(), clock: at(600), shownToday: 0 });
      expect({ kind, shown: on.shown.length }).toEqual({ kind, shown: 1 });
    }
    const all = [item('class-message'), item('reviews-due')];
    expect(
      decideAlerts({ candidates: all, settings: settings({ desktop: false }), clock: at(600), shownToday: 0 }),
    ).toEqual({
      shown: [],
      suppressed: all.map((c) => c.id),
      deferred: [],
    });
  });
});
