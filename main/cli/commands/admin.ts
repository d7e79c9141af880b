import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { askSecret } from '../ask-secret.js';
import { registerAdminPublish } from './admin-publish.js';
import { registerAdminPublishApp } from './admin-publish-app.js';
import { withApi } from '../open-core.js';
import { registerImportLearners } from './import-learners.js';
import { print } from '../terminal-output.js';
import { text } from '../i18n/cli-i18n.js';

export function registerAdmin(program: Command, layout: InstallLayout): void {
  const admin = program.command('admin').description(text('help-admin'));

  admin
    .command('set-password')
    .description(text('help-admin-set-password'))
    .action(async (_options: unknown, command: Command) => {
      await withApi(layout, command, async (api) => {
        const { passwordSet } = await api.getAdminStatus();
        // Changing it needs the current one: a learner at this keyboard must not take the machine over.
        const session = passwordSet
          ? (
              await api.unlockAdmin({
                password: await askSecret(
                  text('admin-current-password-prompt'),
                  'LIONLEARN_ADMIN_PASSWORD',
                  text('admin-current-password-missing'),
                ),
              })
            ).session
          : undefined;
        const missing = text('admin-new-password-missing');
        const password = await askSecret(text('admin-new-password-prompt'), 'LIONLEARN_NEW_ADMIN_PASSWORD', missing);
        if (!process.env.LIONLEARN_NEW_ADMIN_PASSWORD) {
          const again = await askSecret(text('admin-same-again-prompt'), 'LIONLEARN_NEW_ADMIN_PASSWORD', missing);
          if (again !== password) throw new Error(text('admin-passwords-differ'));
        }
        const unlocked = await api.setAdminPassword({ password, ...(session ? { session } : {}) });
        await api.lockAdmin({ session: unlocked.session });
      });
      print(text('admin-password-set'));
    });

  admin
    .command('status')
    .description(text('help-admin-status'))
    .action(async (_options: unknown, command: Command) => {
      const status = await withApi(layout, command, (api) => api.getAdminStatus());
      if (!status.passwordSet) return print(text('admin-status-none'));
      print(
        status.lockedForSeconds > 0
          ? text('admin-status-locked', { seconds: status.lockedForSeconds })
          : text('admin-status-set'),
      );
    });

  registerImportLearners(admin);
  registerAdminPublish(admin);
  registerAdminPublishApp(admin);
}
