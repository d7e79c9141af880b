import { z } from 'zod';

export const appInfoSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
