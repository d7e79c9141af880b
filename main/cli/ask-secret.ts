import { createInterface } from 'node:readline/promises';
import { text } from './i18n/cli-i18n.js';

/**
 * A secret from an environment variable (scripts), else asked on the terminal with stars for
 * echo; never from argv, where `ps` and shell history show it.
 */
export async function askSecret(question: string, envName: string, missing: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new Error(text('secret-needs-terminal', { missing, env: envName }));
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = prompt as unknown as { _writeToOutput: (s: string) => void };
  const write = output._writeToOutput;
  output._writeToOutput = (s: string) => write.call(prompt, s.startsWith(question) ? s : '*');
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
    process.stdout.write('\n');
  }
}
