import { z } from 'zod';

export const appInfoSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  dataDir: z.string(),
  /** Set when the database was found damaged at start: the file was kept aside, not deleted. */
  recovery: z
    .object({
      reason: z.string(),
      keptAs: z.string(),
      learnersRecovered: z.number().int(),
      eventsRecovered: z.number().int(),
    })
    .nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
