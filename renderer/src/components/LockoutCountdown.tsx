import { useTranslation } from 'react-i18next';

/**
 * The wait after too many wrong tries, counted down live. A timer role is not announced on every tick
 * (its live region is off); the alert above it said why, and "You can try again now" is announced at 0.
 */
export function LockoutCountdown({ seconds, ended }: { seconds: number; ended: boolean }) {
  const { t } = useTranslation();
  if (seconds > 0) {
    return (
      <p role="timer" className="status-error lockout">
        {t('pin.tryAgainIn', { count: seconds })}
      </p>
    );
  }
  return ended ? (
    <p role="status" className="lockout">
      {t('pin.tryAgainNow')}
    </p>
  ) : null;
}
