import { percent } from '../../common/progress-rules/percent.js';
import type { LearnerDetail } from './class-report.js';
import { tableHtml } from './dashboard-page.js';
import { html } from './html.js';
import { signalText } from './report-tables.js';

const day = (iso: string | null) => iso?.slice(0, 10) ?? '–';

/** One learner's detail, opened from the learners table: the numbers their own app shows, then why they may be stuck. */
export function learnerDetailFragment(detail: LearnerDetail): string {
  const { learner, numbers } = detail;
  const titles = new Map(detail.exercises.map((e) => [e.exerciseId, e.title]));
  const stats: [string, string | number][] = [
    ['Lessons done', numbers.lessonsCompleted],
    ['Exercises done', numbers.exercisesCompleted],
    ['Quiz answers right', numbers.quizItemsCorrect],
    ['Streak (days)', numbers.streakDays],
    ['Minutes on task', Math.round(numbers.timeOnTaskMs / 60_000)],
    ['Last active', day(detail.lastActiveAt)],
  ];
  const modules = numbers.modules.filter((m) => m.completed > 0);
  return html`<div class="section-head">
      <h3 id="detail-heading">${learner.displayName}</h3>
      <button type="button" data-close-detail>
        Close<span class="visually-hidden"> the detail of ${learner.displayName}</span>
      </button>
    </div>
    <dl class="detail-numbers">
      ${stats.map(
        ([label, value]) =>
          html`<div>
            <dt>${label}</dt>
            <dd>${String(value)}</dd>
          </div>`,
      )}
    </dl>
    <p class="signals">
      ${
        detail.signals.length === 0
          ? `Nothing suggests ${learner.displayName} is stuck.`
          : `May be stuck: ${detail.signals.map((s) => signalText(s, (id) => titles.get(id) ?? id)).join('; ')}.`
      }
    </p>
    ${tableHtml(
      'detail-modules',
      {
        caption: `Modules ${learner.displayName} started`,
        headers: ['Module', 'Items done', 'Items', 'Completion (%)'],
        rows: modules.map((m) => [m.title, m.completed, m.total, percent(m.completed, m.total)]),
      },
      `${learner.displayName} has not started a module yet.`,
      { exportable: false },
    )}
    ${tableHtml(
      'detail-exercises',
      {
        caption: `Exercises ${learner.displayName} tried`,
        headers: ['Exercise', 'Submissions', 'Failed', 'Best (tests passed)', 'Hints', 'Done'],
        rows: detail.exercises.map((e) => [
          e.title,
          e.attempts,
          e.failed,
          e.bestTotal === 0 ? null : `${e.bestPassed} of ${e.bestTotal}`,
          e.maxHints,
          e.completedAt === null ? 'not yet' : day(e.completedAt),
        ]),
      },
      `${learner.displayName} has not tried an exercise yet.`,
      { exportable: false },
    )}`.text;
}
