import { z } from 'zod';
import { messageRefSchema } from '../i18n/message.js';

/**
 * How the class server (sync-server) answers a refused request: `{ error, message, messageI18n }`. `error` is the
 * code a client branches on, `message` the English sentence (for old apps and curl), `messageI18n` the same
 * sentence as a catalog reference, which the app says in its learner's language. Written once here for the
 * server's error handler and the app's clients of its routes.
 */
export const serverErrorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  messageI18n: messageRefSchema.optional(),
});
export type ServerErrorBody = z.infer<typeof serverErrorBodySchema>;
