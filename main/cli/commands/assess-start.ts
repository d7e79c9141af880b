import type { Command } from 'commander';
import type { LearnApi } from '../../../common/contract/api.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { text } from '../i18n/cli-i18n.js';
import { withApi } from '../open-core.js';
import { takeAssessment } from './assess-take.js';
import { findModule, learnerSession } from './quiz.js';
import { parseNumber, parseWholeNumber } from '../option-values.js';

interface StartOptions {
  learner?: string;
  fixed?: boolean;
  items?: number;
  minutes?: number;
  targetSe?: number;
  item?: string[];
  form?: string;
}

/** A pack by its id, else a module by id, pack-local id or title. */
async function topicOf(api: LearnApi, wanted: string): Promise<string> {
  if ((await api.listPacks()).some((p) => p.id === wanted)) return wanted;
  return findModule(await api.listModules(), wanted).id;
}

/** `lionlearn assess start TOPIC`: an adaptive test (or a fixed form) of a pack or module, in the terminal. */
export function registerAssessStart(assess: Command, layout: InstallLayout): void {
  assess
    .command('start <topic>')
    .description(text('help-assess-start'))
    .option('--learner <nameOrId>', text('help-assess-start-learner'))
    .option('--fixed', text('help-assess-start-fixed'))
    .option('--items <n>', text('help-assess-start-items'), parseWholeNumber)
    .option('--item <ids...>', text('help-assess-start-item'))
    .option('--form <id>', text('help-assess-start-form'))
    .option('--minutes <n>', text('help-assess-start-minutes'), parseNumber)
    .option('--target-se <x>', text('help-assess-start-target-se'), parseNumber)
    .action(async (topic: string, options: StartOptions, command: Command) => {
      await withApi(layout, command, async (api) => {
        const session = await learnerSession(api, options.learner, 'assessment');
        const state = await api.generateAssessment({
          session,
          topicId: await topicOf(api, topic),
          kind: options.fixed || options.item ? 'fixed' : 'adaptive',
          ...(options.item ? { itemIds: options.item } : {}),
          ...(options.form ? { formId: options.form } : {}),
          ...(options.items !== undefined ? { maxItems: options.items } : {}),
          ...(options.minutes !== undefined ? { timeLimitMinutes: options.minutes } : {}),
          ...(options.targetSe !== undefined ? { targetSe: options.targetSe } : {}),
        });
        await takeAssessment(api, session, state);
      });
    });
}
