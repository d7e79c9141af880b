import { describe, expect, it } from 'vitest';
import { nextPending, shownTime } from './pending-time.js';

describe('a time field’s change while it is saved', () => {
  it('shows the latest change until its own save lands, whatever earlier saves land in between', () => {
    const hour = nextPending(undefined, '22:00', '15:00');
    expect(shownTime(hour, '22:00')).toBe('15:00');
    const minute = nextPending(hour, '22:00', '15:58');
    // The hour's save lands first: still the minute's value, not 15:00.
    expect(shownTime(minute, '15:00')).toBe('15:58');
    expect(shownTime(minute, '15:58')).toBe('15:58');
  });

  it('follows the saved value once it is none the field moved past (another window, a reset)', () => {
    const hour = nextPending(undefined, '22:00', '15:00');
    expect(shownTime(hour, '07:30')).toBe('07:30');
    // A change made after that starts afresh from what is saved.
    const next = nextPending(hour, '07:30', '08:30');
    expect(next).toEqual({ past: ['07:30'], value: '08:30' });
    expect(shownTime(next, '15:00')).toBe('15:00');
  });
});
