import type { Command } from 'commander';
import { createApiClient, localizedBridge } from '../../../common/contract/bridge.js';
import { loadTf } from '../../core/adaptive/models/networks/tf-backend.js';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { localBridge } from '../../core/local-bridge.js';
import { openCore } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { print, printJson } from '../terminal-output.js';
import { saidHere, text, translateCore } from '../i18n/cli-i18n.js';

/** Each check's name as the admin reads it; `--json` keeps the stable English names. */
const NAME = {
  database: 'doctor-database',
  content: 'doctor-content',
  sandbox: 'doctor-sandbox',
  'adaptive model': 'doctor-adaptive-model',
  'deep model': 'doctor-deep-model',
} as const;

/** The deep model's state as the admin reads it (the English words are the ones `--json` always had). */
const DEEP_STATE = {
  loaded: 'doctor-deep-loaded',
  missing: 'doctor-deep-missing',
  corrupt: 'doctor-deep-corrupt',
} as const;

interface Check {
  name: keyof typeof NAME;
  ok: boolean;
  detail: string;
  fix?: string | null;
}

export function registerDoctor(program: Command, layout: InstallLayout): void {
  program
    .command('doctor')
    .description(text('help-doctor'))
    .option('--json', text('help-option-json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      const checks: Check[] = [];
      try {
        const api = createApiClient(localizedBridge(localBridge(core), translateCore));
        const info = await api.getAppInfo();
        checks.push({
          name: 'database',
          ok: info.recovery === null,
          detail: text('doctor-database-detail', { version: String(info.schemaVersion), dir: info.dataDir }),
          fix: info.recovery && text('doctor-database-fix', { keptAs: info.recovery.keptAs }),
        });
        const modules = await api.listModules();
        const installed = text('modules', { count: modules.length });
        checks.push({
          name: 'content',
          ok: modules.length > 0,
          detail: text('doctor-content-detail', { modules: installed }),
        });
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
          detail: backend.note
            ? text('doctor-tf-detail-note', { backend: backend.name, note: saidHere(backend.note) })
            : text('doctor-tf-detail', { backend: backend.name }),
        });
        const deep = await core.model.knowledge.status();
        checks.push({
          name: 'deep model',
          ok: deep.state !== 'corrupt',
          detail: text('doctor-deep-detail', { state: text(DEEP_STATE[deep.state]), detail: saidHere(deep.said) }),
          fix: deep.state === 'corrupt' ? text('doctor-deep-fix') : null,
        });
      } finally {
        await core.close();
      }
      if (options.json) printJson(checks);
      else {
        for (const c of checks) {
          const marks = [text('check-ok'), text('check-fail')];
          const width = Math.max(...marks.map((m) => m.length));
          const mark = (c.ok ? marks[0]! : marks[1]!).padEnd(width);
          print(text('doctor-line', { mark, name: text(NAME[c.name]), detail: c.detail }));
          if (!c.ok && c.fix) print(`${' '.repeat(width + 1)}${text('doctor-fix', { fix: c.fix })}`);
        }
      }
      if (checks.some((c) => !c.ok)) process.exitCode = 1;
    });
}
