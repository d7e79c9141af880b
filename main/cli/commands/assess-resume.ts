import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { print } from '../terminal-output.js';
import { takeAssessment } from './assess-take.js';
import { learnerSession } from './quiz.js';

/** `lionlearn assess resume [ID]`: go on with an assessment left unfinished. */
export function registerAssessResume(assess: Command, layout: InstallLayout): void {
  assess
    .command('resume [id]')
    .description('go on with an unfinished assessment (the only one, or the one named)')
    .option('--learner <nameOrId>', 'whose assessment (default: the only profile)')
    .action(async (id: string | undefined, options: { learner?: string }, command: Command) => {
      await withApi(layout, command, async (api) => {
        const session = await learnerSession(api, options.learner, 'assessment');
        let assessmentId = id;
        if (!assessmentId) {
          const open = (await api.listAssessments({ session })).filter((a) => a.status === 'in-progress');
          if (open.length === 0) {
            print('No unfinished assessment: `lionlearn assess start TOPIC` starts one.');
            return;
          }
          if (open.length > 1) {
            print('Several unfinished assessments; name one:');
            for (const a of open)
              print(`  ${a.assessmentId}  ${a.title} (${a.answered} answered, started ${a.startedAt})`);
            return;
          }
          assessmentId = open[0]!.assessmentId;
        }
        await takeAssessment(api, session, await api.getAssessment({ session, assessmentId }));
      });
    });
}
