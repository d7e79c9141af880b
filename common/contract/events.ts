import { z } from 'zod';
import { validateResultSchema } from './playground.js';
import { syncStatusEventSchema } from './sync.js';
import { notificationsEventSchema } from './notifications.js';
import { distributionStatusSchema } from './distribution.js';

/** Pushed from the core to every face (IPC event, WebSocket message). */
export const learnEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('catalog-changed') }),
  /** Bytes of a pack file read while it is verified and unpacked. */
  z.object({ type: z.literal('pack-install-progress'), file: z.string(), bytes: z.number(), total: z.number() }),
  /** Bytes of a pack file sent to the class server while an admin publishes it from the app. */
  z.object({ type: z.literal('pack-publish-progress'), bytes: z.number(), total: z.number() }),
  /** The class server's pack feed: checking, a download's progress, what the last pull installed or refused. */
  z.object({ type: z.literal('distribution-status'), status: distributionStatusSchema }),
  /** Installing a folder of packs: the file at hand and the share of the whole folder done. */
  z.object({
    type: z.literal('pack-folder-progress'),
    file: z.string(),
    index: z.number(),
    count: z.number(),
    percent: z.number(),
  }),
  /** A sandbox image being loaded from an archive before the first run can start. */
  z.object({
    type: z.literal('sandbox-image-progress'),
    runtime: z.string(),
    percent: z.number(),
    detail: z.string(),
  }),
  /** A live session's code is being checked, or was: only the face holding the (unguessable) liveId listens. */
  z.object({
    type: z.literal('live-feedback'),
    liveId: z.string(),
    state: z.enum(['running', 'done']),
    result: validateResultSchema.optional(),
  }),
  /** A learner's sync status changed (faces show it for the open learner only). */
  syncStatusEventSchema,
  /** A learner's notifications changed: the unread count, and the desktop alerts to show now (if any). */
  notificationsEventSchema,
]);
export type LearnEvent = z.infer<typeof learnEventSchema>;
