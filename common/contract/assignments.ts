import { z } from 'zod';
import { contentIdSchema, localIdSchema } from './content.js';

/**
 * What a teacher can assign to a class. Written once here because three rooms read it: the class server's
 * classes feature stores it, its dashboard reports completion, and the app shows it on home.
 */
export const assignmentKinds = ['lesson', 'exercise', 'quiz', 'assessment'] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

export const MAX_ASSIGNMENT_TITLE_LENGTH = 200;

export const assignmentSchema = z.object({
  id: z.string().uuid(),
  classId: z.string().uuid(),
  kind: z.enum(assignmentKinds),
  /** The pack's own id ("python-foundations"); the item id below carries it too. */
  packId: localIdSchema,
  /** The lesson, exercise or module (quiz, assessment) assigned. */
  itemId: contentIdSchema,
  title: z.string().min(1).max(MAX_ASSIGNMENT_TITLE_LENGTH),
  /** Epoch milliseconds; null when there is no due date. */
  dueAt: z.number().int().nonnegative().nullable(),
  createdAt: z.number().int().nonnegative(),
  createdBy: z.string().uuid(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** Where one learner stands on one assignment, as the dashboard and the learner's home both show it. */
export const assignmentStatuses = ['not-started', 'in-progress', 'done'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];
