import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { print, printJson } from '../terminal-output.js';
import { text } from '../i18n/cli-i18n.js';
import { parseNumber, parseWholeNumber } from '../option-values.js';

/** Each kind of hit as a word, a key the catalog test can see. */
const KIND = { lesson: 'kind-lesson', exercise: 'kind-exercise', quiz: 'kind-quiz' } as const;

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
    .description(text('help-modules'))
    .option('--json', text('help-option-json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const modules = await withApi(layout, command, (api) => api.listModules());
      if (options.json) return printJson(modules);
      if (modules.length === 0) return print(text('modules-none'));
      for (const m of modules) {
        const lessons = text('lessons', { count: m.lessonCount });
        print(text('module-line', { id: m.id, title: m.title, lessons, pack: m.packTitle }));
      }
    });

  program
    .command('lesson <lessonId>')
    .description(text('help-lesson'))
    .action(async (lessonId: string, _options: unknown, command: Command) => {
      const lesson = await withApi(layout, command, (api) => api.getLesson({ lessonId }));
      print(lesson.markdown);
    });

  program
    .command('search <query>')
    .description(text('help-search'))
    .option('--pack <id>', text('help-search-pack'))
    .option('--module <id>', text('help-search-module'))
    .option('--kind <kind>', text('help-search-kind'))
    .option('--difficulty <n>', text('help-search-difficulty'), parseNumber)
    .option('--limit <n>', text('help-search-limit'), parseWholeNumber, 20)
    .option('--json', text('help-option-json'))
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
      if (options.json) return printJson({ hits, didYouMean });
      if (didYouMean?.applied) print(text('search-respelled', { query, respelled: didYouMean.query }));
      else if (didYouMean) print(text('search-did-you-mean', { query: didYouMean.query }));
      if (hits.length === 0) return print(text('search-nothing', { query }));
      const kinds = Object.values(KIND).map((key) => text(key));
      const width = Math.max(...kinds.map((k) => k.length)) + 1;
      for (const hit of hits) {
        const snippet = hit.snippet.map((run) => ({ text: run.text.replace(/\s+/g, ' '), strong: run.match }));
        const kind = text(KIND[hit.kind]).padEnd(width);
        print([{ text: `${kind}${hit.contentId}  ${hit.title}\n${' '.repeat(width)}` }, ...snippet]);
      }
    });

  program
    .command('info')
    .description(text('help-info'))
    .action(async (_options: unknown, command: Command) => {
      printJson(await withApi(layout, command, (api) => api.getAppInfo()));
    });
}
