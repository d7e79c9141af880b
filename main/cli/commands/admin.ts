import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { askSecret } from '../ask-secret.js';
import { registerAdminPublish } from './admin-publish.js';
import { registerAdminPublishApp } from './admin-publish-app.js';
import { withApi } from '../open-core.js';
import { registerImportLearners } from './import-learners.js';
import { print } from '../terminal-output.js';

export function registerAdmin(program: Command, layout: InstallLayout): void {
  const admin = program.command('admin').description('the machine admin, who installs packs and removes profiles');

  admin
    .command('set-password')
    .description(
      'set the admin password (asked twice on the terminal, or LIONLEARN_NEW_ADMIN_PASSWORD); ' +
        'changing it asks for the current one (or LIONLEARN_ADMIN_PASSWORD)',
    )
    .action(async (_options: unknown, command: Command) => {
      await withApi(layout, command, async (api) => {
        const { passwordSet } = await api.getAdminStatus();
        // Changing it needs the current one: a learner at this keyboard must not take the machine over.
        const session = passwordSet
          ? (
              await api.unlockAdmin({
                password: await askSecret(
                  'Current admin password: ',
                  'LIONLEARN_ADMIN_PASSWORD',
                  'An admin password is set',
                ),
              })
            ).session
          : undefined;
        const password = await askSecret(
          'New admin password: ',
          'LIONLEARN_NEW_ADMIN_PASSWORD',
          'A new password is needed',
        );
        if (!process.env.LIONLEARN_NEW_ADMIN_PASSWORD) {
          const again = await askSecret('The same again: ', 'LIONLEARN_NEW_ADMIN_PASSWORD', 'A new password is needed');
          if (again !== password) throw new Error('the two passwords differ; nothing was changed');
        }
        const unlocked = await api.setAdminPassword({ password, ...(session ? { session } : {}) });
        await api.lockAdmin({ session: unlocked.session });
      });
      print(
        'The admin password is set: installing, removing and switching packs, trusting keys, the sandbox and removing profiles now need it.',
      );
    });

  admin
    .command('status')
    .description('whether an admin password is set')
    .action(async (_options: unknown, command: Command) => {
      const status = await withApi(layout, command, (api) => api.getAdminStatus());
      print(
        status.passwordSet
          ? `An admin password is set${status.lockedForSeconds > 0 ? `; unlocking is locked for ${status.lockedForSeconds} s after wrong tries` : ''}.`
          : 'No admin password is set: anyone who can run the app can install packs and remove profiles. `lionlearn admin set-password` sets one.',
      );
    });

  registerImportLearners(admin);
  registerAdminPublish(admin);
  registerAdminPublishApp(admin);
}
