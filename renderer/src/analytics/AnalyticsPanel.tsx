import { useId, useState } from 'react';
import { activityKinds } from '../../../common/contract/analytics.js';
import type { ActivityKind, UserAnalytics } from '../../../common/contract/analytics.js';
import { BarChartFigure } from '../components/charts/BarChartFigure.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { ActivityCalendar } from './ActivityCalendar.js';
import { rangeEndingToday } from '../../../common/local-range.js';
import { deviceTimeZone, duration, RANGE_CHOICES, shortDate } from './analytics-range.js';
import type { RangeDays } from './analytics-range.js';
import { AssessmentHistory } from './AssessmentHistory.js';
import { MasteryOverTime } from './MasteryOverTime.js';
import { useLoad } from '../use-load.js';

const KIND_LABELS: Record<ActivityKind, string> = {
  exercise: 'Exercises',
  quiz: 'Quizzes',
  lesson: 'Lessons',
  review: 'Reviews',
  assessment: 'Assessments',
};
const percent = (correct: number, attempts: number) => (attempts === 0 ? 0 : Math.round((100 * correct) / attempts));

function TimeOnTask({ analytics }: { analytics: UserAnalytics }) {
  const { totalMs, byKind } = analytics.timeOnTask;
  return (
    <>
      <dl className="stat-grid" data-testid="time-on-task">
        <div className="stat">
          <dt>Time on task</dt>
          <dd>{duration(totalMs)}</dd>
        </div>
        {activityKinds
          .filter((k) => byKind[k] > 0 || k === 'exercise' || k === 'quiz')
          .map((k) => (
            <div key={k} className="stat">
              <dt>{KIND_LABELS[k]}</dt>
              <dd>{duration(byKind[k])}</dd>
            </div>
          ))}
      </dl>
      <p className="status analytics-rule">
        Counted from your activity: the time between two things you do (a run, a saved draft, an answer, a lesson)
        counts when they are at most {analytics.idleGapMinutes} minutes apart; a longer pause is a break.
      </p>
    </>
  );
}

function Report({ analytics }: { analytics: UserAnalytics }) {
  const period = `${shortDate(analytics.from)} to ${shortDate(analytics.to)}`;
  const tried = analytics.skills.filter((s) => s.attempts > 0);
  const weakest = [...tried].sort((a, b) => a.correct / a.attempts - b.correct / b.attempts)[0];
  const nothing = analytics.days.every((d) => d.events === 0 && d.timeMs === 0) && analytics.skills.length === 0;
  return (
    <>
      <TimeOnTask analytics={analytics} />
      {nothing ? (
        <p className="empty" data-testid="analytics-empty">
          No activity from {period}. Work through a lesson, an exercise or a quiz and it shows here.
        </p>
      ) : (
        <div className="chart-grid-layout">
          <ActivityCalendar days={analytics.days} />
          <BarChartFigure
            title="Minutes per day"
            summary={`${duration(analytics.timeOnTask.totalMs)} on task from ${period}.`}
            data={analytics.days.map((d) => ({ label: shortDate(d.day), value: Math.round(d.timeMs / 60_000) }))}
            unit=" min"
          />
          <BarChartFigure
            title="Accuracy by skill"
            summary={
              weakest
                ? `Share right per skill in this period; lowest: ${weakest.title} (${percent(weakest.correct, weakest.attempts)}%).`
                : ''
            }
            empty="No answers or submissions in this period."
            data={tried.map((s) => ({ label: s.title, value: percent(s.correct, s.attempts) }))}
            unit="%"
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
        <h2 id="analytics-heading">Your activity</h2>
        <label htmlFor={pickerId}>Period </label>
        <select id={pickerId} value={days} onChange={(e) => setDays(Number(e.target.value) as RangeDays)}>
          {RANGE_CHOICES.map((n) => (
            <option key={n} value={n}>
              Last {n} days
            </option>
          ))}
        </select>
      </div>
      <LoadStatus state={state} what="your activity">
        {(analytics) => <Report analytics={analytics} />}
      </LoadStatus>
    </section>
  );
}
