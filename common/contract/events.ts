import { z } from 'zod';

/** Pushed from the core to every face (IPC event, WebSocket message). */
export const learnEventSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('catalog-changed') })]);
export type LearnEvent = z.infer<typeof learnEventSchema>;
