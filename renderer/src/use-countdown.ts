import { useCallback, useEffect, useState } from 'react';
import { LearnError } from '../../common/contract/errors.js';

/** Whole seconds left until `until` (ms since the epoch), never below 0: "3 s" until the last ms has passed. */
export const secondsLeft = (until: number, now: number) => Math.max(0, Math.ceil((until - now) / 1000));

/** The core's words for a lockout without their fixed "try again in N s", which the live countdown replaces. */
export const withoutWait = (message: string) => message.replace(/:? try again in \d+ s\.$/, '.');

/**
 * A lockout the core reported as `retryAfterMs`, counted down live: the seconds left (0 when not
 * locked), and `ended` once a wait has run out, until the next try. `failed` takes a failed try's
 * error, starts the countdown when it carries a wait, and gives the message to show.
 */
export function useLockout() {
  const [until, setUntil] = useState<number | null>(null);
  const [ended, setEnded] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    // Ticks a little more often than once a second so the shown number never lags a whole second.
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= until) {
        setUntil(null);
        setEnded(true);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  const failed = useCallback((error: unknown): string => {
    const wait = error instanceof LearnError ? error.retryAfterMs : undefined;
    if (wait === undefined) return (error as Error).message;
    const at = Date.now();
    setNow(at);
    setUntil(at + wait);
    setEnded(false);
    return withoutWait((error as Error).message);
  }, []);
  const trying = useCallback(() => setEnded(false), []);
  return { seconds: until === null ? 0 : secondsLeft(until, now), ended, failed, trying };
}
