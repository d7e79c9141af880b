import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityKinds } from '../../../common/contract/analytics.js';
import type { UserAnalytics } from '../../../common/contract/analytics.js';
import { BarChartFigure } from '../components/charts/BarChartFigure.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { ActivityCalendar } from './ActivityCalendar.js';
import { rangeEndingToday } from '../../../common/local-range.js';
import { deviceTimeZone, duration, RANGE_CHOICES, shortDate } from './analytics-range.js';
import { formatPercent } from '../i18n/format.js';
import type { RangeDays } from './analytics-range.js';
import { AssessmentHistory } from './AssessmentHistory.js';
import { MasteryOverTime } from './MasteryOverTime.js';
import { useLoad } from '../use-load.js';

const percent = (correct: number, attempts: number) => (attempts === 0 ? 0 : Math.round((100 * correct) / attempts));

function TimeOnTask({ analytics }: { analytics: UserAnalytics }) {
  const { t } = useTranslation();
  const { totalMs, byKind } = analytics.timeOnTask;
  return (
    <>
      <dl className="stat-grid" data-testid="time-on-task">
        <div className="stat">
          <dt>{t('analytics.timeOnTask')}</dt>
          <dd>{duration(totalMs)}</dd>
        </div>
        {activityKinds
          .filter((k) => byKind[k] > 0 || k === 'exercise' || k === 'quiz')
          .map((k) => (
            <div key={k} className="stat">
              <dt>{t(`analytics.kind.${k}`)}</dt>
              <dd>{duration(byKind[k])}</dd>
            </div>
          ))}
      </dl>
      <p className="status analytics-rule">{t('analytics.rule', { count: analytics.idleGapMinutes })}</p>
    </>
  );
}

function Report({ analytics }: { analytics: UserAnalytics }) {
  const { t } = useTranslation();
  const period = t('analytics.periodRange', { from: shortDate(analytics.from), to: shortDate(analytics.to) });
  const tried = analytics.skills.filter((s) => s.attempts > 0);
  const weakest = [...tried].sort((a, b) => a.correct / a.attempts - b.correct / b.attempts)[0];
  const nothing = analytics.days.every((d) => d.events === 0 && d.timeMs === 0) && analytics.skills.length === 0;
  return (
    <>
      <TimeOnTask analytics={analytics} />
      {nothing ? (
        <p className="empty" data-testid="analytics-empty">
          {t('analytics.nothing', { period })}
        </p>
      ) : (
        <div className="chart-grid-layout">
          <ActivityCalendar days={analytics.days} />
          <BarChartFigure
            title={t('analytics.minutesPerDay')}
            summary={t('analytics.onTaskFrom', { duration: duration(analytics.timeOnTask.totalMs), period })}
            data={analytics.days.map((d) => ({ label: shortDate(d.day), value: Math.round(d.timeMs / 60_000) }))}
            format={(minutes) => t('analytics.minutesValue', { minutes })}
          />
          <BarChartFigure
            title={t('analytics.accuracy')}
            summary={
              weakest
                ? t('analytics.accuracySummary', {
                    title: weakest.title,
                    percent: formatPercent(percent(weakest.correct, weakest.attempts)),
                  })
                : ''
            }
            empty={t('analytics.noAnswers')}
            data={tried.map((s) => ({ label: s.title, value: percent(s.correct, s.attempts) }))}
            format={formatPercent}
            layout="vertical"
            max={100}
          />
          <MasteryOverTime skills={analytics.skills} from={analytics.from} />
        </div>
      )}
      <AssessmentHistory assessments={analytics.assessments} />
    </>
  );
}

/** The learner's analytics over a period they pick, in their own time zone. */
export function AnalyticsPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const [days, setDays] = useState<RangeDays>(30);
  const pickerId = useId();
  const timeZone = deviceTimeZone();
  const range = rangeEndingToday(days, timeZone);
  const state = useLoad(`analytics-${session}-${range.from}-${range.to}`, () =>
    learn().getUserAnalytics({ session, ...range, timeZone }),
  );
  return (
    <section className="analytics" aria-labelledby="analytics-heading" data-testid="analytics">
      <div className="analytics-head">
        <h2 id="analytics-heading">{t('analytics.heading')}</h2>
        <label htmlFor={pickerId}>{t('analytics.period')} </label>
        <select id={pickerId} value={days} onChange={(e) => setDays(Number(e.target.value) as RangeDays)}>
          {RANGE_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t('analytics.lastDays', { count: n })}
            </option>
          ))}
        </select>
      </div>
      <LoadStatus state={state} what={t('analytics.what')}>
        {(analytics) => <Report analytics={analytics} />}
      </LoadStatus>
    </section>
  );
}
