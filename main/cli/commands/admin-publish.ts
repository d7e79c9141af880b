import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { DISTRIBUTION_PATHS, publishResultSchema } from '../../../common/contract/distribution.js';
import { authClient } from '../../core/sync/auth-client.js';
import { askSecret } from '../ask-secret.js';
import { print } from '../terminal-output.js';

/** The server admin's email: --email, else LIONLEARN_SERVER_EMAIL, else asked (an email is no secret). */
async function serverEmail(given: string | undefined): Promise<string> {
  const email = given ?? process.env.LIONLEARN_SERVER_EMAIL;
  if (email) return email;
  if (!process.stdin.isTTY) throw new Error('An admin account is needed: pass --email or set LIONLEARN_SERVER_EMAIL');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question('Class server admin email: ');
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
    'Class server admin password: ',
    'LIONLEARN_SERVER_PASSWORD',
    'The server admin password is needed',
  );
  const tokens = await authClient.login(serverUrl, await serverEmail(email), password);
  try {
    return await work(serverUrl, tokens.accessToken);
  } finally {
    await authClient.logout(serverUrl, tokens.refreshToken).catch(() => undefined);
  }
}

/** The server's refusal in its own words (`{ error, message }`), else the status. */
export async function refusal(response: Response): Promise<Error> {
  const answer = (await response.json().catch(() => null)) as { message?: unknown } | null;
  return new Error(
    typeof answer?.message === 'string' ? answer.message : `the server answered HTTP ${response.status}`,
  );
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
      const bytes = (await stat(file)).size;
      const result = await withServerAdmin(options.server, options.email, async (serverUrl, accessToken) => {
        const response = await fetch(`${serverUrl}${DISTRIBUTION_PATHS.packs}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${accessToken}`,
            'content-type': 'application/octet-stream',
            'content-length': String(bytes),
          },
          body: Readable.toWeb(createReadStream(file)) as ReadableStream,
          duplex: 'half',
        } as RequestInit);
        if (!response.ok) throw await refusal(response);
        return publishResultSchema.parse(await response.json());
      });
      print(
        result.status === 'published'
          ? `Published ${result.packId} ${result.version} (key ${result.keyId}, SHA-256 ${result.sha256.slice(0, 12)}…): apps signed in to ${options.server} pull it.`
          : `${result.packId} ${result.version} was published already with these exact bytes; nothing changed.`,
      );
    });
}
