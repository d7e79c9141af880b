import { createInterface } from 'node:readline/promises';
import { askSecret } from './ask-secret.js';
import { text } from './i18n/cli-i18n.js';
import { printError } from './terminal-output.js';

/**
 * The class server account a command signs in with (`admin publish`, `admin publish-app`, `admin import-learners`,
 * `notify send`): one pair of names for all of them, as the README says. The commands once read a pair each.
 */
export const SERVER_EMAIL_ENV = 'LIONLEARN_SERVER_EMAIL';
export const SERVER_PASSWORD_ENV = 'LIONLEARN_SERVER_PASSWORD';

/** The names earlier releases read, still honoured with a warning so no script breaks at an update. */
export const DEPRECATED_SERVER_ENV: Readonly<Record<string, readonly string[]>> = {
  [SERVER_EMAIL_ENV]: ['LIONLEARN_SYNC_EMAIL', 'LIONLEARN_SERVER_ADMIN_EMAIL'],
  [SERVER_PASSWORD_ENV]: ['LIONLEARN_SYNC_PASSWORD', 'LIONLEARN_SERVER_ADMIN_PASSWORD'],
};

/**
 * The value of `name`, else of the first deprecated alias set (saying so in one line through `warn`), else
 * undefined. An empty value counts as unset, as a script's `VAR=` means.
 */
export function serverEnv(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  warn: (line: string) => void = printError,
): string | undefined {
  if (env[name]) return env[name];
  for (const alias of DEPRECATED_SERVER_ENV[name] ?? []) {
    if (env[alias]) {
      warn(text('server-env-deprecated', { alias, name }));
      return env[alias];
    }
  }
  return undefined;
}

/** The account's email: the flag, else LIONLEARN_SERVER_EMAIL, else asked on a terminal (an email is no secret). */
export async function serverEmail(given: string | undefined, flag: string, question: string): Promise<string> {
  const email = given ?? serverEnv(SERVER_EMAIL_ENV);
  if (email) return email;
  if (!process.stdin.isTTY) {
    throw new Error(text('server-account-needed', { flag, env: SERVER_EMAIL_ENV }));
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}

/** The account's password: LIONLEARN_SERVER_PASSWORD, else asked on the terminal; never from the command line. */
export function serverPassword(question: string): Promise<string> {
  const fromEnv = serverEnv(SERVER_PASSWORD_ENV);
  return fromEnv === undefined
    ? askSecret(question, SERVER_PASSWORD_ENV, text('server-password-missing'))
    : Promise.resolve(fromEnv);
}
