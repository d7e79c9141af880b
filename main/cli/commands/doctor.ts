import type { Command } from 'commander';
import { createApiClient } from '../../../common/contract/bridge.js';
import { loadTf } from '../../core/adaptive/models/networks/tf-backend.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { localBridge } from '../../core/local-bridge.js';
import { openCore } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { print, printJson } from '../terminal-output.js';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string | null;
}

export function registerDoctor(program: Command, layout: InstallLayout): void {
  program
    .command('doctor')
    .description('check what the app needs (database, packs, Docker, sandbox image) and say how to fix what is wrong')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      const checks: Check[] = [];
      try {
        const api = createApiClient(localBridge(core));
        const info = await api.getAppInfo();
        checks.push({
          name: 'database',
          ok: info.recovery === null,
          detail: `schema ${info.schemaVersion} in ${info.dataDir}`,
          fix: info.recovery && `it was damaged and kept at ${info.recovery.keptAs}; a fresh one is in use`,
        });
        const modules = await api.listModules();
        checks.push({ name: 'content', ok: modules.length > 0, detail: `${modules.length} modules installed` });
        const sandboxStatus = await api.getPlaygroundStatus();
        checks.push({
          name: 'sandbox',
          ok: sandboxStatus.canRun,
          detail: `${sandboxStatus.state}: ${sandboxStatus.message} (${sandboxStatus.image})`,
          fix: sandboxStatus.fix,
        });
        const backend = await loadTf();
        checks.push({
          name: 'adaptive model',
          ok: true,
          detail: `TensorFlow.js on the ${backend.name} backend${backend.note ? ` (${backend.note})` : ''}`,
        });
        const deep = await core.model.knowledge.status();
        checks.push({
          name: 'deep model',
          ok: deep.state !== 'corrupt',
          detail: `${deep.state}: ${deep.detail}`,
          fix:
            deep.state === 'corrupt'
              ? 'the app retrains it in the background; predictions use the simple model meanwhile'
              : null,
        });
      } finally {
        await core.close();
      }
      if (options.json) printJson(checks);
      else {
        for (const c of checks) {
          print(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
          if (!c.ok && c.fix) print(`     fix: ${c.fix}`);
        }
      }
      if (checks.some((c) => !c.ok)) process.exitCode = 1;
    });
}
