import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';

interface SearchOptions {
  pack?: string;
  module?: string;
  kind?: 'lesson' | 'exercise' | 'quiz';
  difficulty?: number;
  limit: number;
  json?: boolean;
}

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
    .command('search <query>')
    .description('search lessons, exercises and quizzes (BM25 ranked)')
    .option('--pack <id>', 'only this pack')
    .option('--module <id>', 'only this module (pack-id/module-id)')
    .option('--kind <kind>', 'lesson, exercise or quiz')
    .option('--difficulty <n>', 'only this difficulty (1-5)', Number)
    .option('--limit <n>', 'how many results', Number, 20)
    .option('--json', 'print JSON')
    .action(async (query: string, options: SearchOptions, command: Command) => {
      const { hits, didYouMean } = await withApi(layout, command, (api) =>
        api.searchContent({
          query,
          limit: options.limit,
          ...(options.pack ? { packId: options.pack } : {}),
          ...(options.module ? { moduleId: options.module } : {}),
          ...(options.kind ? { kind: options.kind } : {}),
          ...(options.difficulty ? { difficulty: options.difficulty } : {}),
        }),
      );
      if (options.json) return console.log(JSON.stringify({ hits, didYouMean }, null, 2));
      if (didYouMean?.applied) console.log(`Nothing found for "${query}". Showing results for "${didYouMean.query}".`);
      else if (didYouMean) console.log(`Did you mean "${didYouMean.query}"?`);
      if (hits.length === 0) return console.log(`Nothing found for "${query}".`);
      const mark = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : `[${text}]`);
      for (const hit of hits) {
        const snippet = hit.snippet
          .map((run) => (run.match ? mark(run.text) : run.text))
          .join('')
          .replace(/\s+/g, ' ');
        console.log(`${hit.kind.padEnd(8)} ${hit.contentId}  ${hit.title}\n         ${snippet}`);
      }
    });

  program
    .command('info')
    .description('show the app version, schema version and data folder')
    .action(async (_options: unknown, command: Command) => {
      console.log(JSON.stringify(await withApi(layout, command, (api) => api.getAppInfo()), null, 2));
    });
}
