import { Trans, useTranslation } from 'react-i18next';
import type { ProgressSummary } from '../../../common/contract/progress.js';
import { AnalyticsPanel } from '../analytics/AnalyticsPanel.js';
import { percent } from '../../../common/progress-rules/percent.js';
import { BarChartFigure } from '../components/charts/BarChartFigure.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { ReviewForecast } from '../components/ReviewForecast.js';
import { formatNumber, formatPercent } from '../i18n/format.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';

function Numbers({ summary }: { summary: ProgressSummary }) {
  const { t } = useTranslation();
  const days = (count: number) => t('progressScreen.days', { count });
  const items: [string, string][] = [
    [t('progressScreen.streak'), days(summary.streakDays)],
    [t('progressScreen.longestStreak'), days(summary.longestStreakDays)],
    [t('progressScreen.lessonsDone'), formatNumber(summary.lessonsCompleted)],
    [t('progressScreen.exercisesDone'), formatNumber(summary.exercisesCompleted)],
    [t('progressScreen.quizRight'), formatNumber(summary.quizItemsCorrect)],
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
  const { t } = useTranslation();
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
        title={t('progressScreen.completion')}
        summary={t('progressScreen.started', { started: started.length, count: summary.modules.length })}
        data={modules}
        format={formatPercent}
        layout="vertical"
        max={100}
      />
      <BarChartFigure
        title={t('progressScreen.mastery')}
        summary={t('progressScreen.masterySummary', { title: strongest?.title ?? '' })}
        empty={t('progressScreen.masteryEmpty')}
        data={mastery}
        format={formatPercent}
        layout="vertical"
        max={100}
      />
    </div>
  );
}

export function ProgressScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const state = useLoad(`progress-${session}`, () =>
    learn().getProgressSummary({ session, tzOffsetMinutes: new Date().getTimezoneOffset(), days: 30 }),
  );
  return (
    <section aria-labelledby="progress-heading">
      <h1 id="progress-heading">{t('progressScreen.heading')}</h1>
      <LoadStatus state={state} what={t('progressScreen.what')}>
        {(summary) => (
          <>
            {summary.resume && (
              <p className="resume">
                {t('progressScreen.resume')}{' '}
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
                  {t('progressScreen.packLine', {
                    title: p.title,
                    percent: formatPercent(percent(p.completed, p.total)),
                    completed: p.completed,
                    total: p.total,
                  })}
                </label>
                <progress id={`completion-${p.packId}`} max={p.total || 1} value={p.completed} />
              </div>
            ))}
            <Numbers summary={summary} />
            {summary.days.every((d) => d.events === 0) && summary.mastery.length === 0 ? (
              <p className="empty">
                <Trans i18nKey="progressScreen.empty" components={{ a: <a href={hrefFor.modules()} /> }} />
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
