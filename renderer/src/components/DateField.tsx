import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateOf, datePartOrder, monthNames, partsOf } from './calendar-date.js';
import type { DateParts, DatePart } from './calendar-date.js';

const YEARS_AHEAD = 3;

/**
 * An optional calendar date in the app's language: day, month and year lists in the order the language writes
 * them, month names in its words, whatever the OS's locale (the native date input follows the OS). Each list is
 * reached with Tab and changed with the arrow keys or by typing; "not set" in any of them means no date.
 */
export function DateField(props: { label: string; value: string; set: (value: string) => void; today: Date }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language;
  // A part chosen before the others is kept here: the value is "" until the date is whole.
  const [parts, setParts] = useState<DateParts>(() => partsOf(props.value));
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false });
  const thisYear = props.today.getFullYear();
  const choices: Record<DatePart, [number, string][]> = {
    day: Array.from({ length: 31 }, (_, i) => [i + 1, numbers.format(i + 1)]),
    month: monthNames(locale).map((name, i) => [i + 1, name]),
    year: Array.from({ length: YEARS_AHEAD + 1 }, (_, i) => [thisYear + i, numbers.format(thisYear + i)]),
  };
  const names: Record<DatePart, string> = {
    day: t('dateField.day'),
    month: t('dateField.month'),
    year: t('dateField.year'),
  };
  const change = (part: DatePart, value: number) => {
    const next = { ...parts, [part]: value };
    setParts(next);
    props.set(dateOf(next));
  };
  return (
    <div role="group" aria-labelledby={`${id}-label`} className="parts-field" data-testid="date-field">
      <span id={`${id}-label`}>{props.label}</span>{' '}
      {datePartOrder(locale).map((part) => (
        <select
          key={part}
          aria-label={names[part]}
          value={parts[part]}
          onChange={(e) => change(part, Number(e.target.value))}
        >
          <option value={0}>{t('dateField.none')}</option>
          {choices[part].map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      ))}
    </div>
  );
}
