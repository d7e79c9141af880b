import type { Command } from 'commander';
import type { AssessmentResult } from '../../../common/contract/assessments.js';
import { abilitySaid, endReasonSaid } from '../../../common/contract/assessments.js';
import type { LearnApi } from '../../../common/contract/api.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { formatNumber, text } from '../i18n/cli-i18n.js';
import { print, printJson } from '../terminal-output.js';

/** An ability or its error, two decimals in the CLI's language ("0.52", "0,52"). */
const twoPlaces = (x: number) => formatNumber(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
import { learnerSession } from './quiz.js';

/** An assessment's report in the terminal: score, ability, skills weakest first, what to study, each item. */
export function printReport(report: AssessmentResult): void {
  print('');
  print(text('report-ended', { title: report.title, reason: endReasonSaid[report.endReason] }));
  print(
    text('report-score', {
      correct: report.correct,
      answered: report.answered,
      ability: twoPlaces(report.ability),
      error: twoPlaces(report.standardError),
      words: abilitySaid(report.ability),
    }),
  );
  if (report.skills.length > 0) {
    print('');
    print(text('report-skills'));
    for (const skill of report.skills) {
      const right = text('report-skill-right', { correct: skill.correct, answered: skill.answered });
      const mastery = text('report-mastery', { percent: Math.round(skill.mastery * 100) });
      print(`  ${skill.studyNext ? '→' : ' '} ${skill.title.padEnd(28)} ${right.padEnd(14)} ${mastery}`);
    }
    const next = report.skills.filter((s) => s.studyNext);
    print('');
    print(
      next.length === 0
        ? text('report-nothing-to-study')
        : text('report-study-next', {
            skills: next.map((s) => `${s.title} (${s.modules.map((m) => m.title).join(', ')})`).join('; '),
          }),
    );
  }
  if (report.items.length > 0) {
    print('');
    print(text('report-items'));
    report.items.forEach((item, i) => {
      print(
        `${String(i + 1).padStart(3)}. ${item.correct ? '✓' : '✗'} ${item.question.prompt.split('\n')[0]!.slice(0, 70)}`,
      );
      const { answer, expected } = item;
      print(
        `     ${item.correct ? text('report-your-answer', { answer }) : text('report-your-answer-wrong', { answer, expected })}`,
      );
      if (!item.correct && item.explanation) print(`     ${item.explanation}`);
    });
  }
}

/** The learner's assessment by id, or the latest ended one. */
async function pickEnded(api: LearnApi, session: string, id: string | undefined): Promise<string> {
  if (id) return id;
  const ended = (await api.listAssessments({ session })).find((a) => a.status === 'ended');
  if (!ended) throw new Error(text('no-finished-assessment'));
  return ended.assessmentId;
}

/** `lionlearn assess report [ID]`: an ended assessment's report (handing it in first if it still runs). */
export function registerAssessReport(assess: Command, layout: InstallLayout): void {
  assess
    .command('report [id]')
    .description(text('help-assess-report'))
    .option('--learner <nameOrId>', text('help-option-learner-assessment'))
    .option('--json', text('help-option-json'))
    .action(async (id: string | undefined, options: { learner?: string; json?: boolean }, command: Command) => {
      const report = await withApi(layout, command, async (api) => {
        const session = await learnerSession(api, options.learner, 'assessment');
        return api.evaluateAssessment({ session, assessmentId: await pickEnded(api, session, id) });
      });
      if (options.json) return printJson(report);
      printReport(report);
    });
}
