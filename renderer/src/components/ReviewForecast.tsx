import type { ReviewForecast as Forecast } from '../../../common/contract/reviews.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { counted } from '../plural.js';
import { useLoad } from '../use-load.js';
import { BarChartFigure } from './charts/BarChartFigure.js';

const FORECAST_DAYS = 30;
const reviews = (n: number) => counted(n, 'review');
const percent = (share: number) => `${Math.round(share * 100)}%`;

function retentionText({ retention, desiredRetention }: Forecast): string {
  const asked = `you asked for ${percent(desiredRetention)}`;
  if (retention.share === null) return `No reviews in the last ${retention.days} days yet; ${asked}.`;
  return `${retention.recalled} of ${reviews(retention.reviews)} recalled in the last ${retention.days} days; ${asked}.`;
}

/**
 * What spaced review holds for the learner, as Anki shows it: reviews due per day over the next 30
 * days, and the share of the last 30 days' reviews they recalled. Numbers in words first; the chart
 * has its table.
 */
export function ReviewForecast() {
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
      <h2 id="review-forecast-heading">Reviews</h2>
      <dl className="stat-grid">
        <div className="stat">
          <dt>Due today</dt>
          <dd>{today}</dd>
        </div>
        <div className="stat">
          <dt>Due in the next {FORECAST_DAYS} days</dt>
          <dd>{forecast.total}</dd>
        </div>
        <div className="stat">
          <dt>Measured retention, last {forecast.retention.days} days</dt>
          <dd>{forecast.retention.share === null ? 'None yet' : percent(forecast.retention.share)}</dd>
        </div>
      </dl>
      <p className="status">{retentionText(forecast)}</p>
      <BarChartFigure
        title={`Reviews due, next ${FORECAST_DAYS} days`}
        summary={
          forecast.total === 0
            ? `No reviews due in the next ${FORECAST_DAYS} days.`
            : `${reviews(forecast.total)} due in the next ${FORECAST_DAYS} days, most on ${busiest.day} (${busiest.due}).`
        }
        data={forecast.days.map((d) => ({ label: d.day.slice(5), value: d.due }))}
        unit=""
      />
    </section>
  );
}
