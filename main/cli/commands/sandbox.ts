import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { loadTf } from '../../core/adaptive/tf-backend.js';
import { localBridge } from '../../core/local-bridge.js';
import { createApiClient } from '../../../common/contract/bridge.js';
import { openCore } from '../open-core.js';
import type { GlobalOptions } from '../open-core.js';
import { percentProgress } from '../progress-bar.js';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string | null;
}

export function registerSandbox(program: Command, layout: InstallLayout): void {
  const sandbox = program.command('sandbox').description('the local code sandboxes (Docker)');

  sandbox
    .command('build')
    .description("build a runtime's sandbox image from Debian packages (debootstrap; run as root)")
    .option('--runtime <name>', 'the runtime', 'python-3.11')
    .action(async (options: { runtime: string }, command: Command) => {
      if (process.getuid?.() !== 0) throw new Error('building an image runs debootstrap, which needs root: use sudo');
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      const bar = percentProgress(`Building ${options.runtime}`);
      try {
        const tag = await core.images.build(options.runtime, (p) => bar.update(p.percent, p.detail));
        bar.stop();
        console.log(`Built ${tag}`);
      } finally {
        bar.stop();
        await core.close();
      }
    });

  sandbox
    .command('load <file>')
    .description('load a runtime image from a `docker save` archive (an admin can also drop it in the data folder)')
    .option('--runtime <name>', 'the runtime', 'python-3.11')
    .action(async (file: string, options: { runtime: string }, command: Command) => {
      const core = await openCore(layout, command.optsWithGlobals<GlobalOptions>());
      const bar = percentProgress(`Loading ${options.runtime}`);
      try {
        await core.images.load(options.runtime, file, (p) => bar.update(p.percent, p.detail));
        bar.stop();
        console.log(`Loaded ${core.images.imageFor(options.runtime)}`);
      } finally {
        bar.stop();
        await core.close();
      }
    });

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
      } finally {
        await core.close();
      }
      if (options.json) console.log(JSON.stringify(checks, null, 2));
      else {
        for (const c of checks) {
          console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
          if (!c.ok && c.fix) console.log(`     fix: ${c.fix}`);
        }
      }
      if (checks.some((c) => !c.ok)) process.exitCode = 1;
    });
}
