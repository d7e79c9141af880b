import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withAdmin } from '../open-core.js';
import { percentProgress } from '../progress-bar.js';
import { print } from '../terminal-output.js';

export function registerSandbox(program: Command, layout: InstallLayout): void {
  const sandbox = program.command('sandbox').description('the local code sandboxes (Docker)');

  sandbox
    .command('build')
    .description("build a runtime's sandbox image from Debian packages (debootstrap; run as root)")
    .option('--runtime <name>', 'the runtime', 'python-3.11')
    .action(async (options: { runtime: string }, command: Command) => {
      if (process.getuid?.() !== 0) throw new Error('building an image runs debootstrap, which needs root: use sudo');
      // The sandbox every learner's code runs in is the admin's to change.
      await withAdmin(layout, command, async (_api, _session, core) => {
        const bar = percentProgress(`Building ${options.runtime}`);
        try {
          const tag = await core.images.build(options.runtime, (p) => bar.update(p.percent, p.detail));
          bar.stop();
          print(`Built ${tag}`);
        } finally {
          bar.stop();
        }
      });
    });

  sandbox
    .command('load <file>')
    .description('load a runtime image from a `docker save` archive (an admin can also drop it in the data folder)')
    .option('--runtime <name>', 'the runtime', 'python-3.11')
    .action(async (file: string, options: { runtime: string }, command: Command) => {
      await withAdmin(layout, command, async (_api, _session, core) => {
        const bar = percentProgress(`Loading ${options.runtime}`);
        try {
          await core.images.load(options.runtime, file, (p) => bar.update(p.percent, p.detail));
          bar.stop();
          print(`Loaded ${core.images.imageFor(options.runtime)}`);
        } finally {
          bar.stop();
        }
      });
    });
}
