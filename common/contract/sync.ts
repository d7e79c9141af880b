import { z } from 'zod';
import { ruleText } from '../i18n/input-issues.js';
import { messageRefSchema } from '../i18n/message.js';
import { learnerIdSchema } from './learners.js';

/**
 * Where a learner's sync stands: not linked to an account; offline (the server cannot be reached,
 * retrying on its own); syncing; synced (nothing left to send or fetch); or an error that needs
 * the learner (the sign-in expired or was refused).
 */
export const syncStateSchema = z.enum(['unlinked', 'offline', 'syncing', 'synced', 'error']);

export const syncStatusSchema = z.object({
  state: syncStateSchema,
  serverUrl: z.string().nullable(),
  /** When every document last matched the server, since the app started. */
  syncedAt: z.string().nullable(),
  /** Changes made here that the server has not acknowledged yet: one per event or setting. */
  pending: z.number().int(),
  message: z.string().nullable(),
  /** The message as a catalog reference, said in the learner's language (`message` stays English). */
  messageI18n: messageRefSchema.optional(),
  /**
   * Progress events from the learner's other devices that this device refused since the app
   * started, because they fail the contract's schema here; the log names each.
   */
  refused: z.number().int(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncServerUrlSchema = z.url({ protocol: /^https?$/, error: ruleText('rule-server-address') }).max(2000);

export const syncLinkInputSchema = z.strictObject({
  serverUrl: syncServerUrlSchema,
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});

export const syncStatusEventSchema = z.object({
  type: z.literal('sync-status'),
  learnerId: learnerIdSchema,
  status: syncStatusSchema,
});
