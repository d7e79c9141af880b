import { Option } from 'commander';
import type { Command } from 'commander';
import { LearnError } from '../../../common/contract/errors.js';
import { sendMessageSchema } from '../../../common/contract/notifications.js';
import type { Audience } from '../../../common/contract/notifications.js';
import { syncServerUrlSchema } from '../../../common/contract/sync.js';
import { sendMessage } from '../../core/notifications/send-client.js';
import { authClient } from '../../core/sync/auth-client.js';
import { SERVER_EMAIL_ENV, SERVER_PASSWORD_ENV, serverEmail, serverPassword } from '../server-sign-in.js';
import { saidHere, text } from '../i18n/cli-i18n.js';
import { print } from '../terminal-output.js';
import { problemOf, sayIssues } from '../../../common/i18n/input-issues.js';

interface SendFlags {
  server: string;
  email?: string;
  class?: string;
  learner?: string;
  everyone?: boolean;
  text: string;
  title?: string;
  markdown?: boolean;
  important?: boolean;
  link?: string;
}

const audienceOf = (flags: SendFlags): Audience => {
  const chosen = [flags.class, flags.learner, flags.everyone].filter((v) => v !== undefined && v !== false);
  if (chosen.length !== 1) throw new LearnError('invalid-input', text('notify-one-audience'));
  if (flags.class) return { to: 'class-code', joinCode: flags.class };
  if (flags.learner) return { to: 'learner', accountId: flags.learner };
  return { to: 'everyone' };
};

/** `lionlearn notify send`: a teacher's or admin's message through a class server, as the app sends it. */
export function registerNotify(program: Command): void {
  const notify = program.command('notify').description(text('help-notify'));
  notify
    .command('send')
    .description(text('help-notify-send', { emailEnv: SERVER_EMAIL_ENV, passwordEnv: SERVER_PASSWORD_ENV }))
    .requiredOption('--server <url>', text('help-option-server'))
    .option('--email <email>', text('help-notify-send-email', { env: SERVER_EMAIL_ENV }))
    .option('--class <code>', text('help-notify-send-class'))
    .option('--learner <accountId>', text('help-notify-send-learner'))
    .option('--everyone', text('help-notify-send-everyone'))
    .requiredOption('--text <text>', text('help-notify-send-text'))
    .option('--title <title>', text('help-notify-send-title'))
    .option('--markdown', text('help-notify-send-markdown'))
    .option('--important', text('help-notify-send-important'))
    .addOption(new Option('--link <route>', text('help-notify-send-link')))
    .action(async (flags: SendFlags) => {
      const url = syncServerUrlSchema.safeParse(flags.server, { reportInput: true });
      if (!url.success) {
        const issue = url.error.issues[0];
        const problem = issue ? saidHere(problemOf(issue)) : text('not-an-address');
        throw new Error(text('option-invalid', { option: '--server', problem }));
      }
      const server = url.data.replace(/\/+$/, '');
      const parsed = sendMessageSchema.safeParse(
        {
          audience: audienceOf(flags),
          text: flags.text,
          ...(flags.title ? { title: flags.title } : {}),
          format: flags.markdown ? 'markdown' : 'text',
          important: flags.important === true,
          ...(flags.link ? { link: flags.link } : {}),
        },
        { reportInput: true },
      );
      if (!parsed.success) {
        throw new LearnError('invalid-input', sayIssues(parsed.error));
      }
      const email = await serverEmail(flags.email, '--email', text('notify-email-prompt'));
      const password = await serverPassword(text('notify-password-prompt'));
      const tokens = await authClient.login(server, email, password).catch((error: unknown) => {
        throw new LearnError('forbidden', (error as Error).message);
      });
      try {
        const { recipients } = await sendMessage(server, tokens.accessToken, parsed.data);
        print(text('notify-sent', { count: recipients }));
      } finally {
        // This sign-in served one message: end it on the server rather than leave it to lapse.
        await authClient.logout(server, tokens.refreshToken).catch(() => undefined);
      }
    });
}
