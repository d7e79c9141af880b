import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { openLearner } from './learner.js';
import { text } from '../i18n/cli-i18n.js';
import { print, printJson } from '../terminal-output.js';

const MARKS = { done: '✓', next: '➜', open: '○', locked: '…' } as const;

export function registerPath(program: Command, layout: InstallLayout): void {
  program
    .command('path <nameOrId>')
    .description(text('help-path'))
    .option('--goal <id>', text('help-path-goal'))
    .option('--all', text('help-path-all'))
    .option('--json', text('help-option-json'))
    .action(async (nameOrId: string, options: { goal?: string; all?: boolean; json?: boolean }, command: Command) => {
      const path = await withApi(layout, command, async (api) => {
        const { session } = await openLearner(api, nameOrId);
        // A goal asked for becomes the stored one; without, the update keeps the last goal and says what changed.
        if (options.goal) await api.generateLearningPath({ session, goal: options.goal });
        return api.updateLearningPath({ session });
      });
      if (options.json) return printJson(path);
      print(path.summary);
      if (path.changes.hadPrevious && !options.goal) print(path.changes.summary);
      path.steps
        .filter((s) => options.all || s.status !== 'done')
        .forEach((s, i) => {
          const kind = text(s.kind === 'lesson' ? 'kind-lesson' : 'kind-exercise');
          const n = String(i + 1).padStart(3);
          print(text('path-step', { n, mark: MARKS[s.status], title: s.title, kind, reason: s.reason }));
        });
    });
}
