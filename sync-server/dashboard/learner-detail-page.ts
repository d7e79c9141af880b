import { say } from '../../common/i18n/message.js';
import type { PlainMessageKey } from '../../common/i18n/message.js';
import type { Speaker } from '../../common/i18n/speaker.js';
import { percent } from '../../common/progress-rules/percent.js';
import type { LearnerDetail } from './class-report.js';
import { tableHtml } from './dashboard-page.js';
import { html } from './html.js';
import { signalSaid } from './report-tables.js';

/** One learner's detail, opened from the learners table: the numbers their own app shows, then why they may be stuck. */
export function learnerDetailFragment(detail: LearnerDetail, speaker: Speaker): string {
  const t = speaker.text;
  const { learner, numbers } = detail;
  const name = learner.displayName;
  const day = (iso: string | null) => (iso === null ? '–' : speaker.day(iso));
  const titles = new Map(detail.exercises.map((e) => [e.exerciseId, e.title]));
  const stats: [PlainMessageKey, string][] = [
    ['dash-col-lessons-done', speaker.number(numbers.lessonsCompleted)],
    ['dash-col-exercises-done', speaker.number(numbers.exercisesCompleted)],
    ['dash-col-quiz-right', speaker.number(numbers.quizItemsCorrect)],
    ['dash-col-streak', speaker.number(numbers.streakDays)],
    ['dash-col-minutes', speaker.number(Math.round(numbers.timeOnTaskMs / 60_000))],
    ['dash-col-last-active', day(detail.lastActiveAt)],
  ];
  const cols = (...keys: PlainMessageKey[]) => keys.map((key) => t(say(key)));
  const modules = numbers.modules.filter((m) => m.completed > 0);
  const signals = detail.signals.map((s) => signalSaid(s, (id) => titles.get(id) ?? id));
  return html`<div class="section-head">
      <h3 id="detail-heading">${name}</h3>
      <button type="button" data-close-detail>
        ${t(say('dash-close'))}<span class="visually-hidden"> ${t(say('dash-close-detail-of', { name }))}</span>
      </button>
    </div>
    <dl class="detail-numbers">
      ${stats.map(
        ([label, value]) =>
          html`<div>
            <dt>${t(say(label))}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
    </dl>
    <p class="signals">
      ${t(signals.length === 0 ? say('dash-not-stuck', { name }) : say('dash-may-be-stuck', { signals }))}
    </p>
    ${tableHtml(
      'detail-modules',
      {
        caption: t(say('dash-modules-started', { name })),
        headers: cols('dash-col-module', 'dash-col-items-done', 'dash-col-items', 'dash-col-completion'),
        rows: modules.map((m) => [m.title, m.completed, m.total, percent(m.completed, m.total)]),
      },
      t(say('dash-no-module-started', { name })),
      speaker,
      { exportable: false },
    )}
    ${tableHtml(
      'detail-exercises',
      {
        caption: t(say('dash-exercises-tried', { name })),
        headers: cols(
          'dash-col-exercise',
          'dash-col-submissions',
          'dash-col-failed',
          'dash-col-best-tests',
          'dash-col-hints',
          'dash-col-done',
        ),
        rows: detail.exercises.map((e) => [
          e.title,
          e.attempts,
          e.failed,
          e.bestTotal === 0 ? null : t(say('dash-n-of-m', { done: e.bestPassed, total: e.bestTotal })),
          e.maxHints,
          e.completedAt === null ? t(say('dash-not-yet')) : day(e.completedAt),
        ]),
      },
      t(say('dash-no-exercise-tried', { name })),
      speaker,
      { exportable: false },
    )}`.text;
}
