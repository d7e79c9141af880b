import { z } from 'zod';

/**
 * Who can see a learner's synced progress on their class server: the teacher of each class they joined, and the
 * server's admins. `GET /me/visibility` answers it; the app shows it in Settings, beside the sync account.
 */
export const progressVisibilitySchema = z.object({
  teachers: z.array(z.object({ classId: z.string(), className: z.string(), teacherName: z.string() })),
  /** How many admin accounts the server has (each can read every document). */
  admins: z.number().int().nonnegative(),
});
export type ProgressVisibility = z.infer<typeof progressVisibilitySchema>;
