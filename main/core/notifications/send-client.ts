import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import { sendResultSchema } from '../../../common/contract/notifications.js';
import type { SendMessage, SendResult } from '../../../common/contract/notifications.js';
import { AuthCallError, post } from '../sync/auth-client.js';

/** POST /notifications on the class server, as the signed-in teacher or admin; its refusals said plainly. */
export async function sendMessage(serverUrl: string, accessToken: string, message: SendMessage): Promise<SendResult> {
  let answer: unknown;
  try {
    answer = await post(serverUrl, '/notifications', message, accessToken);
  } catch (error) {
    if (!(error instanceof AuthCallError)) throw error;
    const code =
      error.failure === 'rejected'
        ? 'forbidden'
        : error.failure === 'rate-limited'
          ? 'too-many-attempts'
          : error.failure === 'unreachable'
            ? 'unavailable'
            : 'invalid-input';
    throw error.toLearnError(code);
  }
  const parsed = sendResultSchema.safeParse(answer);
  if (!parsed.success) throw new LearnError('unavailable', say('class-server-unreadable'));
  return parsed.data;
}
