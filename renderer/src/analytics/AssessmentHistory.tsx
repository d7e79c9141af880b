import { useTranslation } from 'react-i18next';
import type { UserAnalytics } from '../../../common/contract/analytics.js';
import { dayLabel } from './analytics-range.js';
import { formatPercent } from '../i18n/format.js';

/** The assessments finished in the period, newest first, as a table; a plain sentence when there are none. */
export function AssessmentHistory({ assessments }: { assessments: UserAnalytics['assessments'] }) {
  const { t } = useTranslation();
  return (
    <section className="chart assessment-history" aria-labelledby="assessment-history-heading">
      <h2 id="assessment-history-heading">{t('analytics.assessments.heading')}</h2>
      {assessments.length === 0 ? (
        <p className="status" data-testid="no-assessments">
          {t('analytics.assessments.none')}
        </p>
      ) : (
        <table data-testid="assessment-history">
          <thead>
            <tr>
              <th scope="col">{t('analytics.assessments.day')}</th>
              <th scope="col">{t('analytics.assessments.assessment')}</th>
              <th scope="col">{t('analytics.assessments.score')}</th>
            </tr>
          </thead>
          <tbody>
            {[...assessments].reverse().map((a) => (
              <tr key={`${a.assessmentId}-${a.at}`}>
                <td>{dayLabel(a.day)}</td>
                <th scope="row">{a.assessmentId}</th>
                <td>
                  {t('analytics.assessments.scoreLine', {
                    score: a.score,
                    total: a.total,
                    percent: formatPercent(Math.round((100 * a.score) / a.total)),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
