import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const clock = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The time an assessment has left, counted down from what the core said. The core keeps the limit
 * (an answer after it is refused); at zero this only asks the core again, which ends the test.
 */
export function TimeLeft({ endsAt, onExpired }: { endsAt: number; onExpired: () => void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const expired = useRef(false);
  const left = Math.max(0, endsAt - now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left === 0 && !expired.current) {
      expired.current = true;
      onExpired();
    }
  }, [left, onExpired]);
  const minutes = Math.ceil(left / 60_000);
  return (
    <p className={left < 60_000 ? 'assessment-time low' : 'assessment-time'}>
      <span role="timer" aria-label={t('assessment.question.timeLeftLabel', { count: minutes })}>
        {t('assessment.question.timeLeft', { clock: clock(left) })}
      </span>
    </p>
  );
}
