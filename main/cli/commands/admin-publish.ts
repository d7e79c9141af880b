import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { publishedMessage } from '../../../common/contract/distribution.js';
import { publishPackFile } from '../../core/distribution/publish-pack.js';
import { authClient } from '../../core/sync/auth-client.js';
import { askSecret } from '../ask-secret.js';
import { print } from '../terminal-output.js';
import { saidHere, text } from '../i18n/cli-i18n.js';

/** The server admin's email: --email, else LIONLEARN_SERVER_EMAIL, else asked (an email is no secret). */
async function serverEmail(given: string | undefined): Promise<string> {
  const email = given ?? process.env.LIONLEARN_SERVER_EMAIL;
  if (email) return email;
  if (!process.stdin.isTTY) throw new Error(text('server-email-needed'));
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question(text('server-email-prompt'));
  } finally {
    prompt.close();
  }
}

/**
 * Signs in to the class server as an admin (the password from LIONLEARN_SERVER_PASSWORD or the terminal, never
 * the command line), runs `work` with the access token, and signs out again.
 */
export async function withServerAdmin<T>(
  server: string,
  email: string | undefined,
  work: (serverUrl: string, accessToken: string) => Promise<T>,
): Promise<T> {
  const serverUrl = server.replace(/\/+$/, '');
  const password = await askSecret(
    text('server-admin-password-prompt'),
    'LIONLEARN_SERVER_PASSWORD',
    text('server-password-missing'),
  );
  const tokens = await authClient.login(serverUrl, await serverEmail(email), password);
  try {
    return await work(serverUrl, tokens.accessToken);
  } finally {
    await authClient.logout(serverUrl, tokens.refreshToken).catch(() => undefined);
  }
}

export function registerAdminPublish(admin: Command): void {
  admin
    .command('publish <file>')
    .description(
      'publish a signed .lpack on the class server: every signed-in app pulls it (server admin account; ' +
        'password from LIONLEARN_SERVER_PASSWORD or the terminal)',
    )
    .requiredOption('--server <url>', 'the class server, e.g. http://192.168.1.10:4781')
    .option('--email <email>', 'the server admin account (or LIONLEARN_SERVER_EMAIL)')
    .action(async (file: string, options: { server: string; email?: string }) => {
      const result = await withServerAdmin(options.server, options.email, (serverUrl, accessToken) =>
        publishPackFile(serverUrl, accessToken, file),
      );
      print(saidHere(publishedMessage(result, options.server)));
    });
}
