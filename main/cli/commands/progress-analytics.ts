import type { Command } from 'commander';
import { activityKinds } from '../../../common/contract/analytics.js';
import type { ActivityKind } from '../../../common/contract/analytics.js';
import { rangeEndingToday } from '../../../common/local-range.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { print, printJson } from '../terminal-output.js';
import { duration, formatDay, formatPercent, text } from '../i18n/cli-i18n.js';
import { openLearner } from './learner.js';

const percent = (correct: number, attempts: number) => formatPercent(attempts === 0 ? 0 : correct / attempts);

/** Each kind of activity as a word, a key the catalog test can see. */
const KIND = {
  exercise: 'on-task-exercise',
  quiz: 'on-task-quiz',
  lesson: 'on-task-lesson',
  review: 'on-task-review',
  assessment: 'on-task-assessment',
} as const satisfies Record<ActivityKind, string>;

interface Options {
  days: string;
  from?: string;
  to?: string;
  timeZone?: string;
  json?: boolean;
}

/** `lionlearn progress analytics NAME`: the learner's analytics over local days, as the progress screen shows them. */
export function registerProgressAnalytics(program: Command, layout: InstallLayout): void {
  const progress = program.commands.find((c) => c.name() === 'progress');
  if (!progress) throw new Error('register the progress command first');
  progress
    .command('analytics <nameOrId>')
    .description(text('help-analytics'))
    .option('--days <n>', text('help-analytics-days'), '30')
    .option('--from <date>', text('help-analytics-from'))
    .option('--to <date>', text('help-analytics-to'))
    .option('--time-zone <zone>', text('help-analytics-time-zone'))
    .option('--json', text('help-option-json'))
    .action(async (nameOrId: string, options: Options, command: Command) => {
      const timeZone = options.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
      const days = Number(options.days);
      if (!Number.isInteger(days) || days < 1) throw new Error(text('days-invalid'));
      const last = rangeEndingToday(days, timeZone);
      const range = { from: options.from ?? last.from, to: options.to ?? last.to };
      const analytics = await withApi(layout, command, async (api) => {
        const { session } = await openLearner(api, nameOrId);
        return api.getUserAnalytics({ session, ...range, timeZone });
      });
      if (options.json) return printJson(analytics);
      const { totalMs, byKind } = analytics.timeOnTask;
      const { from, to, timeZone: zone } = analytics;
      print(text('analytics-range', { from: formatDay(from), to: formatDay(to), timeZone: zone }));
      const kinds = activityKinds
        .filter((k) => byKind[k] > 0)
        .map((k) => text('analytics-kind', { kind: text(KIND[k]), time: duration(byKind[k]) }));
      const total = duration(totalMs);
      print(kinds.length ? text('analytics-time-kinds', { total, kinds }) : text('analytics-time', { total }));
      print(`  ${text('analytics-idle', { minutes: analytics.idleGapMinutes })}`);
      const active = analytics.days.filter((d) => d.events > 0 || d.timeMs > 0);
      print(text('analytics-active', { active: active.length, count: analytics.days.length }));
      for (const d of active) {
        print(`  ${formatDay(d.day)}  ${duration(d.timeMs).padEnd(14)}  ${text('events', { count: d.events })}`);
      }
      const tried = analytics.skills.filter((s) => s.attempts > 0);
      if (tried.length) print(text('analytics-skills'));
      for (const s of tried) {
        const end = s.mastery.at(-1)!;
        const { title, correct, attempts } = s;
        const [accuracy, mastery] = [percent(correct, attempts), percent(end.correct, end.attempts)];
        print(`  ${text('analytics-skill', { title, correct, attempts, accuracy, mastery })}`);
      }
      if (analytics.assessments.length === 0) print(text('analytics-no-assessments'));
      for (const a of analytics.assessments) {
        const line = { day: formatDay(a.day), id: a.assessmentId, score: a.score, total: a.total };
        print(`  ${text('analytics-assessment', line)}`);
      }
    });
}
