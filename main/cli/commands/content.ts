import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';

export function registerContent(program: Command, layout: InstallLayout): void {
  program
    .command('modules')
    .description('list the installed modules')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const modules = await withApi(layout, command, (api) => api.listModules());
      if (options.json) return console.log(JSON.stringify(modules, null, 2));
      if (modules.length === 0) return console.log('No modules installed.');
      for (const m of modules) console.log(`${m.id}  ${m.title} (${m.lessonCount} lessons, ${m.packTitle})`);
    });

  program
    .command('lesson <lessonId>')
    .description('print a lesson as Markdown')
    .action(async (lessonId: string, _options: unknown, command: Command) => {
      const lesson = await withApi(layout, command, (api) => api.getLesson({ lessonId }));
      console.log(lesson.markdown);
    });

  program
    .command('info')
    .description('show the app version, schema version and data folder')
    .action(async (_options: unknown, command: Command) => {
      console.log(JSON.stringify(await withApi(layout, command, (api) => api.getAppInfo()), null, 2));
    });
}
