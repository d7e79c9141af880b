import type { Command } from 'commander';
import type { LearnApi } from '../../../common/contract/api.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withApi } from '../open-core.js';
import { takeAssessment } from './assess-take.js';
import { findModule, learnerSession } from './quiz.js';

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
    .description('start an adaptive test of a pack or module and take it here (answers may be piped in, one a line)')
    .option('--learner <nameOrId>', 'who takes it (default: the only profile)')
    .option('--fixed', 'a fixed form (the same items for everyone) instead of an adaptive test')
    .option('--items <n>', 'at most this many items (default 20)', Number)
    .option('--item <ids...>', "a fixed form of these quiz items, in this order (a teacher's pick)")
    .option('--form <id>', 'a test the pack ships (its items and time limit; TOPIC is the pack)')
    .option('--minutes <n>', 'a time limit, kept by the app', Number)
    .option('--target-se <x>', 'an adaptive test stops at this standard error (default 0.3)', Number)
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
