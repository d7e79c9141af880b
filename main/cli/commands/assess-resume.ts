import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { text } from '../i18n/cli-i18n.js';
import { print } from '../terminal-output.js';
import { takeAssessment } from './assess-take.js';
import { learnerSession } from './quiz.js';

/** `lionlearn assess resume [ID]`: go on with an assessment left unfinished. */
export function registerAssessResume(assess: Command, layout: InstallLayout): void {
  assess
    .command('resume [id]')
    .description(text('help-assess-resume'))
    .option('--learner <nameOrId>', text('help-option-learner-assessment'))
    .action(async (id: string | undefined, options: { learner?: string }, command: Command) => {
      await withApi(layout, command, async (api) => {
        const session = await learnerSession(api, options.learner, 'assessment');
        let assessmentId = id;
        if (!assessmentId) {
          const open = (await api.listAssessments({ session })).filter((a) => a.status === 'in-progress');
          if (open.length === 0) {
            print(text('no-unfinished-assessment'));
            return;
          }
          if (open.length > 1) {
            print(text('several-unfinished'));
            for (const a of open) {
              const { answered, startedAt } = a;
              print(text('unfinished-line', { id: a.assessmentId, title: a.title, answered, startedAt }));
            }
            return;
          }
          assessmentId = open[0]!.assessmentId;
        }
        await takeAssessment(api, session, await api.getAssessment({ session, assessmentId }));
      });
    });
}
