import type { Command } from 'commander';
import { activityKinds } from '../../../common/contract/analytics.js';
import { duration } from '../../../common/duration.js';
import { rangeEndingToday } from '../../../common/local-range.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { print, printJson } from '../terminal-output.js';
import { openLearner } from './learner.js';

const percent = (correct: number, attempts: number) => (attempts === 0 ? 0 : Math.round((100 * correct) / attempts));

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
    .description('time on task, activity by day, accuracy and mastery per skill, assessments, over local days')
    .option('--days <n>', 'the last N days, today included', '30')
    .option('--from <date>', 'first day (YYYY-MM-DD), instead of --days')
    .option('--to <date>', 'last day (YYYY-MM-DD, default today)')
    .option('--time-zone <zone>', "an IANA time zone (default: this machine's)")
    .option('--json', 'print JSON')
    .action(async (nameOrId: string, options: Options, command: Command) => {
      const timeZone = options.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
      const days = Number(options.days);
      if (!Number.isInteger(days) || days < 1) throw new Error('--days takes a whole number of days, 1 or more');
      const last = rangeEndingToday(days, timeZone);
      const range = { from: options.from ?? last.from, to: options.to ?? last.to };
      const analytics = await withApi(layout, command, async (api) => {
        const { session } = await openLearner(api, nameOrId);
        return api.getUserAnalytics({ session, ...range, timeZone });
      });
      if (options.json) return printJson(analytics);
      const { totalMs, byKind } = analytics.timeOnTask;
      print(`${analytics.from} to ${analytics.to} (${analytics.timeZone})`);
      const kinds = activityKinds.filter((k) => byKind[k] > 0).map((k) => `${k} ${duration(byKind[k])}`);
      print(`Time on task: ${duration(totalMs)}${kinds.length ? ` (${kinds.join(', ')})` : ''}`);
      print(
        `  counted between moments of activity at most ${analytics.idleGapMinutes} minutes apart; a longer pause is a break`,
      );
      const active = analytics.days.filter((d) => d.events > 0 || d.timeMs > 0);
      print(`Active on ${active.length} of ${analytics.days.length} days`);
      for (const d of active) print(`  ${d.day}  ${duration(d.timeMs).padEnd(12)}  ${d.events} events`);
      const tried = analytics.skills.filter((s) => s.attempts > 0);
      if (tried.length) print('Accuracy and mastery by skill:');
      for (const s of tried) {
        const end = s.mastery.at(-1)!;
        print(
          `  ${s.title}: ${s.correct} of ${s.attempts} right (${percent(s.correct, s.attempts)}%), ` +
            `mastery now ${percent(end.correct, end.attempts)}%`,
        );
      }
      if (analytics.assessments.length === 0) print('No assessments yet in this period.');
      for (const a of analytics.assessments) print(`  ${a.day}  ${a.assessmentId}: ${a.score} of ${a.total}`);
    });
}
