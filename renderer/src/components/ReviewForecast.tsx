import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReviewForecast as Forecast } from '../../../common/contract/reviews.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { formatDateParts, formatShare } from '../i18n/format.js';
import { useLoad } from '../use-load.js';
import { BarChartFigure } from './charts/BarChartFigure.js';

const FORECAST_DAYS = 30;
/** "Dec 7" / "7. Dez." for the forecast's `YYYY-MM-DD` days. */
const dayText = (day: string) =>
  formatDateParts(`${day}T00:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });

function retentionText({ retention, desiredRetention }: Forecast, t: TFunction): string {
  const asked = t('forecast.askedFor', { percent: formatShare(desiredRetention) });
  if (retention.share === null) return t('forecast.noReviews', { count: retention.days, asked });
  return t('forecast.recalled', {
    recalled: retention.recalled,
    count: retention.reviews,
    days: retention.days,
    asked,
  });
}

/**
 * What spaced review holds for the learner, as Anki shows it: reviews due per day over the next 30
 * days, and the share of the last 30 days' reviews they recalled. Numbers in words first; the chart
 * has its table.
 */
export function ReviewForecast() {
  const { t } = useTranslation();
  const session = useSession();
  const state = useLoad(`forecast-${session}`, () =>
    learn().getReviewForecast({
      session,
      days: FORECAST_DAYS,
      tzOffsetMinutes: new Date().getTimezoneOffset(),
    }),
  );
  if (state.status !== 'ready') return null;
  const forecast = state.value;
  // Nothing in review and nothing reviewed: the section would only say so twice.
  if (forecast.total === 0 && forecast.retention.reviews === 0) return null;
  const today = forecast.days[0]?.due ?? 0;
  const busiest = forecast.days.reduce((a, b) => (b.due > a.due ? b : a), forecast.days[0]!);
  return (
    <section className="review-forecast" aria-labelledby="review-forecast-heading" data-testid="review-forecast">
      <h2 id="review-forecast-heading">{t('forecast.heading')}</h2>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('forecast.dueToday')}</dt>
          <dd>{today}</dd>
        </div>
        <div className="stat">
          <dt>{t('forecast.dueNext', { count: FORECAST_DAYS })}</dt>
          <dd>{forecast.total}</dd>
        </div>
        <div className="stat">
          <dt>{t('forecast.retention', { count: forecast.retention.days })}</dt>
          <dd>{forecast.retention.share === null ? t('forecast.noneYet') : formatShare(forecast.retention.share)}</dd>
        </div>
      </dl>
      <p className="status">{retentionText(forecast, t)}</p>
      <BarChartFigure
        title={t('forecast.chart', { count: FORECAST_DAYS })}
        summary={
          forecast.total === 0
            ? t('forecast.noneDue', { count: FORECAST_DAYS })
            : t('forecast.due', {
                count: forecast.total,
                days: FORECAST_DAYS,
                busiest: dayText(busiest.day),
                most: busiest.due,
              })
        }
        data={forecast.days.map((d) => ({ label: dayText(d.day), value: d.due }))}
      />
    </section>
  );
}
