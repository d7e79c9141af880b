import { chmod, open, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { syncServerUrlSchema } from '../../../common/contract/sync.js';
import { importLearners } from '../../core/classroom/import-learners.js';
import { MAX_ROSTER_BYTES } from '../../core/classroom/learner-roster.js';
import { SERVER_EMAIL_ENV, SERVER_PASSWORD_ENV, serverEmail, serverPassword } from '../server-sign-in.js';
import { print } from '../terminal-output.js';
import { saidHere, text } from '../i18n/cli-i18n.js';
import { problemOf } from '../../../common/i18n/input-issues.js';

interface ImportFlags {
  server: string;
  adminEmail?: string;
  class?: string;
  cards: string;
}

/** Each row's outcome as a word, a key the catalog test can see. */
const OUTCOME = { created: 'roster-created', existed: 'roster-existed', refused: 'roster-refused' } as const;

/** Reads at most the limit and one byte more, so a huge (or endless, like a device) file is refused unread. */
async function readRosterFile(file: string): Promise<string> {
  const info = await stat(file);
  if (info.size > MAX_ROSTER_BYTES) {
    throw new Error(text('roster-too-large', { file, size: MAX_ROSTER_BYTES / 1024 }));
  }
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_ROSTER_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_ROSTER_BYTES)
      throw new Error(text('roster-too-large', { file, size: MAX_ROSTER_BYTES / 1024 }));
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** `lionlearn admin import-learners FILE --server URL`: a lab's learner accounts from a CSV, with sign-in cards. */
export function registerImportLearners(admin: Command): void {
  admin
    .command('import-learners <file>')
    .description(text('help-admin-import-learners', { passwordEnv: SERVER_PASSWORD_ENV }))
    .requiredOption('--server <url>', text('help-option-server'))
    .option('--admin-email <email>', text('help-option-admin-email', { env: `$${SERVER_EMAIL_ENV}` }))
    .option('--class <code>', text('help-admin-import-learners-class'))
    .option('--cards <file>', text('help-admin-import-learners-cards'), 'sign-in-cards.html')
    .action(async (file: string, flags: ImportFlags) => {
      const server = syncServerUrlSchema.safeParse(flags.server, { reportInput: true });
      if (!server.success) {
        const issue = server.error.issues[0];
        const problem = issue ? saidHere(problemOf(issue)) : text('not-an-address');
        throw new Error(text('option-invalid', { option: '--server', problem }));
      }
      const adminEmail = await serverEmail(flags.adminEmail, '--admin-email', text('server-email-prompt'));
      const csv = await readRosterFile(file);
      const adminPassword = await serverPassword(
        text('server-password-of-prompt', { email: adminEmail, server: server.data }),
      );
      const result = await importLearners({
        serverUrl: server.data,
        adminEmail,
        adminPassword,
        csv,
        ...(flags.class === undefined ? {} : { classCode: flags.class }),
      });
      for (const { row, email, outcome, reason } of result.rows) {
        const line = { row: String(row), email: email || text('roster-no-email'), outcome: text(OUTCOME[outcome]) };
        print(reason ? text('roster-row-reason', { ...line, reason }) : text('roster-row', line));
      }
      const count = (outcome: string) => result.rows.filter((r) => r.outcome === outcome).length;
      print(
        text('roster-summary', {
          accounts: text('accounts', { count: count('created') }),
          existed: count('existed'),
          refused: count('refused'),
        }),
      );
      if (result.cardsHtml) {
        const cards = resolve(flags.cards);
        // The cards hold passwords: readable by this user only, like the data folder.
        await writeFile(cards, result.cardsHtml, { mode: 0o600 });
        await chmod(cards, 0o600);
        print(text('roster-cards', { file: cards }));
      }
      if (count('refused') > 0) process.exitCode = 1;
    });
}
