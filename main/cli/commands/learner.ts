import type { Command } from 'commander';
import { rangeEndingToday } from '../../../common/local-range.js';
import type { LearnApi } from '../../../common/contract/api.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { LearnerSummary } from '../../../common/contract/learners.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { askSecret } from '../ask-secret.js';
import { openCore, withAdmin, withApi } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { duration, followProfile, text } from '../i18n/cli-i18n.js';
import { print, printJson } from '../terminal-output.js';

/** A PIN from LIONLEARN_PIN (scripts), else asked on the terminal; never from argv, where `ps` shows it. */
const askPin = (name: string): Promise<string> =>
  askSecret(text('pin-prompt', { name }), 'LIONLEARN_PIN', text('pin-needed', { name }));

function findLearner(learners: LearnerSummary[], nameOrId: string): LearnerSummary {
  const matches = learners.filter(
    (l) => l.id === nameOrId || l.displayName.toLowerCase() === nameOrId.trim().toLowerCase(),
  );
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new Error(text('profiles-same-name', { count: matches.length, name: nameOrId }));
  const known = learners.map((l) => l.displayName).join(', ') || text('profiles-none');
  throw new Error(text('profile-unknown', { name: nameOrId, profiles: known }));
}

/**
 * Opens a learner's session the way the app does: by name or id, with their PIN if they have one.
 * From then on the CLI speaks the profile's language, as the app's window would.
 */
export async function openLearner(api: LearnApi, nameOrId: string) {
  const learner = findLearner(await api.listLearners(), nameOrId);
  const pin = learner.hasPin ? await askPin(learner.displayName) : undefined;
  const opened = await api.openLearnerSession({ learnerId: learner.id, ...(pin ? { pin } : {}) });
  followProfile(opened.learner.preferences.language);
  return opened;
}

export function registerLearner(program: Command, layout: InstallLayout): void {
  const learner = program.command('learner').description(text('help-learner'));

  learner
    .command('list')
    .description(text('help-learner-list'))
    .option('--json', text('help-option-json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const learners = await withApi(layout, command, (api) => api.listLearners());
      if (options.json) return printJson(learners);
      if (learners.length === 0) return print(text('no-profiles'));
      for (const l of learners)
        print(text(l.hasPin ? 'learner-line-pin' : 'learner-line', { id: l.id, name: l.displayName }));
    });

  learner
    .command('create <name>')
    .description(text('help-learner-create'))
    .option('--pin', text('help-learner-create-pin'))
    .option('--goal <goal...>', text('help-learner-create-goal'))
    .action(async (name: string, options: { pin?: boolean; goal?: string[] }, command: Command) => {
      const pin = options.pin ? await askPin(name) : undefined;
      const { learner: created } = await withApi(layout, command, (api) =>
        api.createLearner({ profile: { displayName: name, goals: options.goal ?? [] }, ...(pin ? { pin } : {}) }),
      );
      print(text('learner-created', { name: created.displayName, id: created.id }));
    });

  learner
    .command('export <nameOrId>')
    .description(text('help-learner-export'))
    .option('--out <file>', text('help-learner-export-out'))
    .action(async (nameOrId: string, options: { out?: string }, command: Command) => {
      const { file, events } = await withApi(layout, command, async (api) => {
        const { session } = await openLearner(api, nameOrId);
        return api.exportLearner({ session, ...(options.out ? { file: options.out } : {}) });
      });
      print(text('learner-exported', { events: text('events', { count: events }), file }));
    });

  learner
    .command('import <file>')
    .description(text('help-learner-import'))
    .action(async (file: string, _options: unknown, command: Command) => {
      const result = await withApi(layout, command, async (api) => {
        try {
          return await api.importLearner({ file });
        } catch (error) {
          // Into an existing profile with a PIN: ask for it, then import into the open profile.
          // Known by its catalog key: the message itself is in the learner's language.
          if (!(error instanceof LearnError && error.messageI18n?.key === 'profile-import-needs-pin')) throw error;
          const header = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8').split('\n', 1)[0]!);
          const { session } = await openLearner(api, header.learner.id as string);
          return api.importLearner({ file, session });
        }
      });
      const counts = {
        added: text('events', { count: result.appended }),
        present: result.duplicates,
      };
      print(text(result.created ? 'learner-imported-new' : 'learner-imported-known', counts));
    });

  learner
    .command('remove <nameOrId>')
    .description(text('help-learner-remove'))
    .requiredOption('--confirm <name>', text('help-learner-remove-confirm'))
    .action(async (nameOrId: string, options: { confirm: string }, command: Command) => {
      const { exportFile } = await withAdmin(layout, command, async (api, session) => {
        const learner = findLearner(await api.listLearners(), nameOrId);
        return api.removeLearner({ session, learnerId: learner.id, confirmName: options.confirm });
      });
      print(text('learner-removed', { file: exportFile }));
    });
}

export function registerProgress(program: Command, layout: InstallLayout): void {
  const progress = program.command('progress').description(text('help-progress'));

  progress
    .command('show <nameOrId>')
    .description(text('help-progress-show'))
    .option('--json', text('help-option-json'))
    .action(async (nameOrId: string, options: { json?: boolean }, command: Command) => {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
      const [summary, week] = await withApi(layout, command, async (api) => {
        const { session } = await openLearner(api, nameOrId);
        return Promise.all([
          api.getProgressSummary({ session, tzOffsetMinutes: new Date().getTimezoneOffset(), days: 7 }),
          // Time on task by the analytics rule, which counts exercise and quiz work between events.
          api.getUserAnalytics({ session, ...rangeEndingToday(7, timeZone), timeZone }),
        ]);
      });
      if (options.json) return printJson(summary);
      print(
        text('progress-line', {
          lessons: text('lessons', { count: summary.lessonsCompleted }),
          exercises: text('exercises', { count: summary.exercisesCompleted }),
          quizItems: text('quiz-items', { count: summary.quizItemsCorrect }),
          streak: text('days', { count: summary.streakDays }),
          time: duration(week.timeOnTask.totalMs),
        }),
      );
      for (const p of summary.packs)
        print(text('pack-progress', { title: p.title, completed: p.completed, total: p.total }));
      if (summary.resume) print(text('resume-at', { title: summary.resume.title ?? summary.resume.contentId }));
    });

  progress
    .command('rebuild')
    .description(text('help-progress-rebuild'))
    .action(async (_options: unknown, command: Command) => {
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      try {
        const started = performance.now();
        const events = core.rebuildProgress();
        const ms = Math.round(performance.now() - started);
        print(text('progress-rebuilt', { count: events, ms }));
      } finally {
        await core.close();
      }
    });
}
