import { counted } from '../plural.js';

/**
 * The wait after too many wrong tries, counted down live. A timer role is not announced on every tick
 * (its live region is off); the alert above it said why, and "You can try again now" is announced at 0.
 */
export function LockoutCountdown({ seconds, ended }: { seconds: number; ended: boolean }) {
  if (seconds > 0) {
    return (
      <p role="timer" className="status-error lockout">
        Try again in {counted(seconds, 'second')}.
      </p>
    );
  }
  return ended ? (
    <p role="status" className="lockout">
      You can try again now.
    </p>
  ) : null;
}
