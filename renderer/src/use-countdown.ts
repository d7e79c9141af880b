import { useCallback, useEffect, useState } from 'react';

/** Whole seconds left until `until` (ms since the epoch), never below 0: "3 s" until the last ms has passed. */
export const secondsLeft = (until: number, now: number) => Math.max(0, Math.ceil((until - now) / 1000));

/**
 * A live countdown for a lockout the core reported as `retryAfterMs`: the seconds left, ticking down
 * each second, and 0 once the wait is over (when the face re-enables what it disabled).
 */
export function useCountdown(): { seconds: number; start: (ms: number) => void } {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    // Ticks a little more often than once a second so the shown number never lags a whole second.
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= until) setUntil(null);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  const start = useCallback((ms: number) => {
    const at = Date.now();
    setNow(at);
    setUntil(at + ms);
  }, []);
  return { seconds: until === null ? 0 : secondsLeft(until, now), start };
}
