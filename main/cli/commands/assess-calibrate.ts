import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { parseAnswerFile } from '../../core/assessment/answer-file.js';
import type { ScoredAnswer } from '../../core/assessment/irt/calibrate.js';
import { withAdmin } from '../open-core.js';
import { print, printJson } from '../terminal-output.js';
import { formatNumber, text } from '../i18n/cli-i18n.js';

/** A larger answers file is refused before it is read. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

async function readAnswers(file: string): Promise<ScoredAnswer[]> {
  const info = await stat(file).catch(() => {
    throw new Error(text('calibration-file-unreadable', { file }));
  });
  if (!info.isFile()) throw new Error(text('calibration-not-a-file', { file }));
  if (info.size > MAX_FILE_BYTES) {
    throw new Error(text('calibration-file-too-large', { file, size: MAX_FILE_BYTES / 1024 / 1024 }));
  }
  return parseAnswerFile(await readFile(file, 'utf8'));
}

/** `lionlearn assess calibrate`: refit the item bank's 2PL parameters by marginal maximum likelihood. */
export function registerAssessCalibrate(assess: Command, layout: InstallLayout): void {
  assess
    .command('calibrate')
    .description(text('help-assess-calibrate'))
    .option('--answers <file>', text('help-assess-calibrate-answers'))
    .option('--json', text('help-option-json'))
    .action(async (options: { answers?: string; json?: boolean }, command: Command) => {
      // The file is read and checked before the database is opened: a bad file changes nothing.
      const answers = options.answers === undefined ? undefined : await readAnswers(options.answers);
      const fit = await withAdmin(layout, command, async (_api, session, core) =>
        core.calibrateItems(session, answers),
      );
      if (options.json) return printJson(fit);
      const answered = fit.items.reduce((s, i) => s + i.answers, 0);
      print(
        text(fit.converged ? 'calibrated' : 'calibrated-unconverged', {
          items: text('items', { count: fit.items.length }),
          answers: text('first-answers', { count: answered }),
          learners: text('of-learners', { count: fit.learners }),
          source: fit.source === 'file' ? options.answers! : text('calibration-source-app'),
          cycles: fit.iterations,
        }),
      );
      const answersWord = text('calibration-answers');
      const width = Math.max(9, answersWord.length + 1);
      print(`${text('calibration-item').padEnd(48)}${'a'.padStart(8)}${'b'.padStart(8)}${answersWord.padStart(width)}`);
      const two = (x: number) => formatNumber(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      for (const item of [...fit.items].sort((x, y) => x.item.localeCompare(y.item))) {
        print(
          `${item.item.padEnd(48)}${two(item.a).padStart(8)}${two(item.b).padStart(8)}${String(item.answers).padStart(width)}`,
        );
      }
      print(text('calibration-in-use'));
    });
}
