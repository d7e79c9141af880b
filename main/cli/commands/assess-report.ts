import type { Command } from 'commander';
import type { AssessmentResult } from '../../../common/contract/assessments.js';
import { abilityWords, endReasonWords } from '../../../common/contract/assessments.js';
import type { LearnApi } from '../../../common/contract/api.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { print, printJson } from '../terminal-output.js';
import { learnerSession } from './quiz.js';

/** An assessment's report in the terminal: score, ability, skills weakest first, what to study, each item. */
export function printReport(report: AssessmentResult): void {
  print('');
  print(`${report.title}: ended because ${endReasonWords[report.endReason]}.`);
  print(
    `${report.correct} of ${report.answered} right. Ability ${report.ability.toFixed(2)} ` +
      `(standard error ${report.standardError.toFixed(2)}): ${abilityWords(report.ability)}.`,
  );
  if (report.skills.length > 0) {
    print('');
    print('Skills, weakest first:');
    for (const skill of report.skills) {
      print(
        `  ${skill.studyNext ? '→' : ' '} ${skill.title.padEnd(28)} ${`${skill.correct} of ${skill.answered} right`.padEnd(14)} ` +
          `mastery ${Math.round(skill.mastery * 100)}%`,
      );
    }
    const next = report.skills.filter((s) => s.studyNext);
    print('');
    print(
      next.length === 0
        ? 'Nothing to catch up on: every skill tested is at mastery.'
        : `Study next: ${next.map((s) => `${s.title} (${s.modules.map((m) => m.title).join(', ')})`).join('; ')}.`,
    );
  }
  if (report.items.length > 0) {
    print('');
    print('The items:');
    report.items.forEach((item, i) => {
      print(
        `${String(i + 1).padStart(3)}. ${item.correct ? '✓' : '✗'} ${item.question.prompt.split('\n')[0]!.slice(0, 70)}`,
      );
      print(`     your answer: ${item.answer}${item.correct ? '' : `; the answer: ${item.expected}`}`);
      if (!item.correct && item.explanation) print(`     ${item.explanation}`);
    });
  }
}

/** The learner's assessment by id, or the latest ended one. */
async function pickEnded(api: LearnApi, session: string, id: string | undefined): Promise<string> {
  if (id) return id;
  const ended = (await api.listAssessments({ session })).find((a) => a.status === 'ended');
  if (!ended) throw new Error('No finished assessment yet: `lionlearn assess start TOPIC` starts one.');
  return ended.assessmentId;
}

/** `lionlearn assess report [ID]`: an ended assessment's report (handing it in first if it still runs). */
export function registerAssessReport(assess: Command, layout: InstallLayout): void {
  assess
    .command('report [id]')
    .description('the report of an assessment (the latest finished one by default); one still running is handed in')
    .option('--learner <nameOrId>', 'whose assessment (default: the only profile)')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, options: { learner?: string; json?: boolean }, command: Command) => {
      const report = await withApi(layout, command, async (api) => {
        const session = await learnerSession(api, options.learner, 'assessment');
        return api.evaluateAssessment({ session, assessmentId: await pickEnded(api, session, id) });
      });
      if (options.json) return printJson(report);
      printReport(report);
    });
}
