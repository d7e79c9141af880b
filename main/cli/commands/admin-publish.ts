import type { Command } from 'commander';
import { publishedMessage } from '../../../common/contract/distribution.js';
import { publishPackFile } from '../../core/distribution/publish-pack.js';
import { authClient } from '../../core/sync/auth-client.js';
import { SERVER_EMAIL_ENV, SERVER_PASSWORD_ENV, serverEmail, serverPassword } from '../server-sign-in.js';
import { print } from '../terminal-output.js';
import { saidHere, text } from '../i18n/cli-i18n.js';

/**
 * Signs in to the class server as an admin (server-sign-in.ts: the password from LIONLEARN_SERVER_PASSWORD or
 * the terminal, never the command line), runs `work` with the access token, and signs out again.
 */
export async function withServerAdmin<T>(
  server: string,
  email: string | undefined,
  work: (serverUrl: string, accessToken: string) => Promise<T>,
): Promise<T> {
  const serverUrl = server.replace(/\/+$/, '');
  const address = await serverEmail(email, '--email', text('server-email-prompt'));
  const password = await serverPassword(text('server-admin-password-prompt'));
  const tokens = await authClient.login(serverUrl, address, password);
  try {
    return await work(serverUrl, tokens.accessToken);
  } finally {
    await authClient.logout(serverUrl, tokens.refreshToken).catch(() => undefined);
  }
}

export function registerAdminPublish(admin: Command): void {
  admin
    .command('publish <file>')
    .description(text('help-admin-publish', { passwordEnv: SERVER_PASSWORD_ENV }))
    .requiredOption('--server <url>', text('help-option-server'))
    .option('--email <email>', text('help-option-admin-email', { env: SERVER_EMAIL_ENV }))
    .action(async (file: string, options: { server: string; email?: string }) => {
      const result = await withServerAdmin(options.server, options.email, (serverUrl, accessToken) =>
        publishPackFile(serverUrl, accessToken, file),
      );
      print(saidHere(publishedMessage(result, options.server)));
    });
}
