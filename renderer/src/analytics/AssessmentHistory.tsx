import type { UserAnalytics } from '../../../common/contract/analytics.js';
import { dayLabel } from './analytics-range.js';

/** The assessments finished in the period, newest first, as a table; a plain sentence when there are none. */
export function AssessmentHistory({ assessments }: { assessments: UserAnalytics['assessments'] }) {
  return (
    <section className="chart assessment-history" aria-labelledby="assessment-history-heading">
      <h2 id="assessment-history-heading">Assessments</h2>
      {assessments.length === 0 ? (
        <p className="status" data-testid="no-assessments">
          No assessments yet in this period.
        </p>
      ) : (
        <table data-testid="assessment-history">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Assessment</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {[...assessments].reverse().map((a) => (
              <tr key={`${a.assessmentId}-${a.at}`}>
                <td>{dayLabel(a.day)}</td>
                <th scope="row">{a.assessmentId}</th>
                <td>
                  {a.score} of {a.total} ({Math.round((100 * a.score) / a.total)}%)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
