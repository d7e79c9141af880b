import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { locateInstall } from '../core/host/install-layout.js';
import { registerAdmin } from './commands/admin.js';
import { registerAssess } from './commands/assess.js';
import { registerContent } from './commands/content.js';
import { registerDoctor } from './commands/doctor.js';
import { registerLearner, registerProgress } from './commands/learner.js';
import { registerModel } from './commands/model.js';
import { registerNotify } from './commands/notify.js';
import { registerPack } from './commands/pack.js';
import { registerPath } from './commands/path.js';
import { registerProgressAnalytics } from './commands/progress-analytics.js';
import { registerQuiz } from './commands/quiz.js';
import { registerRun } from './commands/run.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { commanderInLanguage } from './i18n/cli-help.js';
import { errorMessage, text, useLanguageFlag } from './i18n/cli-i18n.js';
import { printError } from './terminal-output.js';

const layout = locateInstall(dirname(fileURLToPath(import.meta.url)));

// The help texts below are read in the language `--lang` or the locale names (cli-i18n.ts decides it from
// argv before this runs); commander is told them now, long before a profile's language could be known.
const program = commanderInLanguage(new Command('lionlearn'), layout.appVersion)
  .description(text('help-program'))
  .option('--data-dir <dir>', text('help-option-data-dir'))
  .option('--lang <language>', text('help-option-lang'))
  .hook('preAction', (command) => useLanguageFlag(command.opts<{ lang?: string }>().lang));

registerStart(program, layout);
registerServe(program, layout);
registerContent(program, layout);
registerPack(program, layout);
registerAdmin(program, layout);
registerLearner(program, layout);
registerProgress(program, layout);
registerProgressAnalytics(program, layout);
registerPath(program, layout);
registerQuiz(program, layout);
registerAssess(program, layout);
registerRun(program, layout);
registerSandbox(program, layout);
registerDoctor(program, layout);
registerModel(program, layout);
registerNotify(program);

program.parseAsync().catch((error: unknown) => {
  printError(text('error-line', { message: errorMessage(error) }));
  process.exitCode = 1;
});
