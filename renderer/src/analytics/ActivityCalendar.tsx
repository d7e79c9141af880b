import { useTranslation } from 'react-i18next';
import type { UserAnalytics } from '../../../common/contract/analytics.js';
import { dayLabel, duration, shortDate, weekdayNames } from './analytics-range.js';

type Day = UserAnalytics['days'][number];

/** 0 for no activity, then 1 to 4 by minutes on task (under 10, 30, 60, more). */
const levelOf = (d: Day) =>
  d.events === 0 && d.timeMs === 0 ? 0 : [10, 30, 60].filter((m) => d.timeMs >= m * 60_000).length + 1;

/** The range's days in weeks from Monday: blanks before the first day and after the last. */
function weeks(days: readonly Day[]): (Day | null)[][] {
  const first = days[0];
  if (!first) return [];
  const lead = (new Date(`${first.day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (Day | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/**
 * The activity calendar: a real table (weeks by weekday), so screen readers read each day with its
 * headers; the shade beside each date is decoration, its minutes are in the cell's text.
 */
export function ActivityCalendar({ days }: { days: readonly Day[] }) {
  const { t } = useTranslation();
  const active = days.filter((d) => d.events > 0 || d.timeMs > 0).length;
  return (
    <figure className="chart activity-calendar" aria-labelledby="activity-calendar-heading">
      <figcaption>
        <h2 id="activity-calendar-heading">{t('analytics.calendar.heading')}</h2>
        <p className="status">{t('analytics.calendar.active', { active, count: days.length })}</p>
      </figcaption>
      {/* Focusable, so a keyboard can scroll it sideways on a narrow window. */}
      <div className="calendar-scroll" tabIndex={0} role="region" aria-label={t('analytics.calendar.region')}>
        <table data-testid="activity-calendar">
          <caption className="visually-hidden">{t('analytics.calendar.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.calendar.weekOf')}</th>
              {weekdayNames().map((w) => (
                <th key={w} scope="col">
                  {w}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks(days).map((week) => {
              const first = week.findIndex((d) => d !== null);
              // The week's Monday, even when the range starts later in the week.
              const monday = new Date(Date.parse(`${week[first]!.day}T00:00:00Z`) - first * 86_400_000)
                .toISOString()
                .slice(0, 10);
              return (
                <tr key={monday}>
                  <th scope="row">{shortDate(monday)}</th>
                  {week.map((d, i) =>
                    d ? (
                      <td key={d.day} className={`calendar-day level-${levelOf(d)}`} title={dayLabel(d.day)}>
                        <span className="calendar-swatch" aria-hidden="true" />
                        <span className="calendar-date">{Number(d.day.slice(8))}</span>
                        <span className="calendar-amount">
                          {d.events === 0 && d.timeMs === 0 ? (
                            <span className="visually-hidden">{t('analytics.calendar.none')}</span>
                          ) : (
                            duration(d.timeMs)
                          )}
                        </span>
                      </td>
                    ) : (
                      <td key={`blank-${i}`} />
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
