import type { ProgressSummary } from '../../../common/contract/progress.js';
import { AnalyticsPanel } from '../analytics/AnalyticsPanel.js';
import { percent } from '../../../common/progress-rules/percent.js';
import { BarChartFigure } from '../components/charts/BarChartFigure.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { ReviewForecast } from '../components/ReviewForecast.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';

export const minutes = (ms: number) => {
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

function Numbers({ summary }: { summary: ProgressSummary }) {
  const items: [string, string][] = [
    ['Streak', days(summary.streakDays)],
    ['Longest streak', days(summary.longestStreakDays)],
    ['Lessons done', String(summary.lessonsCompleted)],
    ['Exercises done', String(summary.exercisesCompleted)],
    ['Quiz answers right', String(summary.quizItemsCorrect)],
  ];
  return (
    <dl className="stat-grid">
      {items.map(([label, value]) => (
        <div key={label} className="stat">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Charts({ summary }: { summary: ProgressSummary }) {
  const started = summary.modules.filter((m) => m.completed > 0);
  const modules = (started.length > 0 ? started : summary.modules.slice(0, 8)).map((m) => ({
    label: m.title,
    value: percent(m.completed, m.total),
  }));
  const mastery = summary.mastery.map((s) => ({ label: s.title, value: percent(s.correct, s.attempts) }));
  const strongest = [...summary.mastery].sort((a, b) => b.correct / b.attempts - a.correct / a.attempts)[0];
  return (
    <div className="chart-grid-layout">
      <BarChartFigure
        title="Completion by module"
        summary={`${started.length} of ${summary.modules.length} modules started.`}
        data={modules}
        unit="%"
        layout="vertical"
        max={100}
      />
      <BarChartFigure
        title="Mastery by skill"
        summary={`Share of right answers and passing submissions per skill; strongest: ${strongest?.title}.`}
        empty="Answer quiz questions and submit exercises to see your skills here."
        data={mastery}
        unit="%"
        layout="vertical"
        max={100}
      />
    </div>
  );
}

export function ProgressScreen() {
  const session = useSession();
  const state = useLoad(`progress-${session}`, () =>
    learn().getProgressSummary({ session, tzOffsetMinutes: new Date().getTimezoneOffset(), days: 30 }),
  );
  return (
    <section aria-labelledby="progress-heading">
      <h1 id="progress-heading">Your progress</h1>
      <LoadStatus state={state} what="your progress">
        {(summary) => (
          <>
            {summary.resume && (
              <p className="resume">
                Pick up where you left off:{' '}
                <a
                  href={
                    summary.resume.kind === 'exercise'
                      ? hrefFor.exercise(summary.resume.contentId)
                      : hrefFor.lesson(summary.resume.contentId)
                  }
                >
                  {summary.resume.title ?? summary.resume.contentId}
                </a>
              </p>
            )}
            {summary.packs.map((p) => (
              <div key={p.packId} className="pack-completion">
                <label htmlFor={`completion-${p.packId}`}>
                  {p.title}: {percent(p.completed, p.total)}% ({p.completed} of {p.total})
                </label>
                <progress id={`completion-${p.packId}`} max={p.total || 1} value={p.completed} />
              </div>
            ))}
            <Numbers summary={summary} />
            {summary.days.every((d) => d.events === 0) && summary.mastery.length === 0 ? (
              <p className="empty">
                Nothing here yet. Open a lesson from <a href={hrefFor.modules()}>your modules</a> and your charts start
                to fill.
              </p>
            ) : (
              <Charts summary={summary} />
            )}
            {/* Time on task, per day and per skill: counted from the log by the analytics rule. */}
            <AnalyticsPanel />
            <ReviewForecast />
          </>
        )}
      </LoadStatus>
    </section>
  );
}
