import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayPeriods, formatClock, hourChoices, minuteChoices, parseClock, usesDayPeriod } from './time-of-day.js';
import { nextPending, shownTime } from './pending-time.js';
import type { PendingTime } from './pending-time.js';

/**
 * A time of day in the app's language: 24-hour in German, 12-hour with AM/PM in English, whatever the OS
 * says (the native time input follows the OS). Native selects, one per part, in a named group: each is
 * reached with Tab, changed with the arrow keys or by typing, and read as "from, Hour, 22".
 */
export function TimeField(props: { label: string; value: string; disabled: boolean; set: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language;
  const [pending, setPending] = useState<PendingTime>();
  const clock = parseClock(shownTime(pending, props.value));
  const twelve = usesDayPeriod(locale);
  const afternoon = clock.hours >= 12 ? 1 : 0;
  const change = (hours: number, minutes: number) => {
    const value = formatClock({ hours, minutes });
    setPending(nextPending(pending, props.value, value));
    props.set(value);
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="parts-field" data-testid="time-field">
      <span id={`${id}-label`}>{props.label}</span>{' '}
      <select
        aria-label={t('timeField.hour')}
        value={twelve ? clock.hours % 12 : clock.hours}
        disabled={props.disabled}
        onChange={(e) => change(Number(e.target.value) + (twelve ? 12 * afternoon : 0), clock.minutes)}
      >
        {hourChoices(locale, twelve).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <span aria-hidden="true">:</span>
      <select
        aria-label={t('timeField.minute')}
        value={clock.minutes}
        disabled={props.disabled}
        onChange={(e) => change(clock.hours, Number(e.target.value))}
      >
        {minuteChoices(locale).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {twelve && (
        <select
          aria-label={t('timeField.dayPeriod')}
          value={afternoon}
          disabled={props.disabled}
          onChange={(e) => change((clock.hours % 12) + 12 * Number(e.target.value), clock.minutes)}
        >
          {dayPeriods(locale).map((label, value) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
