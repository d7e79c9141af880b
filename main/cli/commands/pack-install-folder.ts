import type { Command } from 'commander';
import { folderSummaryMessage } from '../../../common/contract/distribution.js';
import type { FolderInstallSummary } from '../../../common/contract/distribution.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withAdmin } from '../open-core.js';
import { percentProgress } from '../progress-bar.js';
import { print } from '../terminal-output.js';
import { saidHere, text } from '../i18n/cli-i18n.js';

/** Each outcome's word, a key the catalog test can see. */
const STATUS = {
  installed: 'folder-status-installed',
  upgraded: 'folder-status-upgraded',
  skipped: 'folder-status-skipped',
  refused: 'folder-status-refused',
} as const satisfies Record<FolderInstallSummary['items'][number]['status'], string>;

/**
 * The bar's text for one step: the file being installed, counted from 1. The core's last event (index = count,
 * no file) says all are done; counted as a step it read "4 of 3: ".
 */
export function folderStepLabel({ file, index, count }: { file: string; index: number; count: number }): string {
  if (count === 0) return '';
  if (index >= count) return text('folder-step-done', { total: count });
  return text('folder-step', { index: index + 1, total: count, file });
}

/**
 * `lionlearn pack install DIR`: every .lpack in the folder (an admin's USB stick) with one progress bar, then a
 * line per file and the summary. Exit code 1 when any was refused, so a script notices.
 */
export async function installPackFolder(layout: InstallLayout, command: Command, folder: string): Promise<void> {
  const progress = percentProgress(text('bar-installing'));
  const summary: FolderInstallSummary = await withAdmin(layout, command, (api, session, core) => {
    core.onEvent((event) => {
      if (event.type === 'pack-folder-progress') {
        progress.update(event.percent, folderStepLabel(event));
      }
    });
    return api.installPackFolder({ session, folder }).finally(() => progress.stop());
  });
  if (summary.items.length === 0) {
    print(text('folder-no-packs', { folder }));
    return;
  }
  const statuses = summary.items.map((item) => text(STATUS[item.status]));
  const width = Math.max(...statuses.map((s) => s.length));
  summary.items.forEach((item, i) => {
    const what = item.packId ? ` ${item.packId} ${item.version}` : '';
    print(`${statuses[i]!.padEnd(width)} ${item.file}${what}${item.detail ? ` (${item.detail})` : ''}`);
  });
  print(saidHere(folderSummaryMessage(summary)));
  if (summary.items.some((i) => i.status === 'refused')) process.exitCode = 1;
}
