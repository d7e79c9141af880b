import { z } from 'zod';

/** Pushed from the core to every face (IPC event, WebSocket message). */
export const learnEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('catalog-changed') }),
  /** Bytes of a pack file read while it is verified and unpacked. */
  z.object({ type: z.literal('pack-install-progress'), file: z.string(), bytes: z.number(), total: z.number() }),
]);
export type LearnEvent = z.infer<typeof learnEventSchema>;
