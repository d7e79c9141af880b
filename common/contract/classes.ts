import { z } from 'zod';
import { assignmentSchema } from './assignments.js';

/**
 * The class server's classes routes as the app, the CLI and the server read them: what a teacher sees of the
 * classes they teach, what a learner sees of the classes they joined, and the admin's bulk account creation.
 */

export const JOIN_CODE_LENGTH = 8;

/** What a learner typed, as the server stores codes: upper case, without spaces or dashes. */
export const normalizeJoinCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

export const CLASS_NAME_MAX_LENGTH = 100;
export const classNameSchema = z.string().trim().min(1).max(CLASS_NAME_MAX_LENGTH);

/** What a teacher writes for an assignment; the server adds the id, class, author and time. */
export const assignmentInputSchema = assignmentSchema.pick({
  kind: true,
  packId: true,
  itemId: true,
  title: true,
  dueAt: true,
});
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

/** A class its teacher (or an admin) sees: with its join code and how many joined. */
export const taughtClassSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  joinCode: z.string(),
  memberCount: z.number().int().nonnegative(),
  createdAt: z.number().int().nonnegative(),
});
export type TaughtClass = z.infer<typeof taughtClassSchema>;

/** A class a learner joined, as GET /classes/mine lists it: no join code, no other members. */
export const joinedClassSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  teacherName: z.string(),
  joinedAt: z.number().int().nonnegative(),
});
export type JoinedClass = z.infer<typeof joinedClassSchema>;

/** GET /classes/mine: the learner's classes and every assignment of them, soonest due first. */
export const myClassesSchema = z.object({
  classes: z.array(joinedClassSchema),
  assignments: z.array(assignmentSchema),
});
export type MyClasses = z.infer<typeof myClassesSchema>;

export const classMemberSchema = z.object({
  id: z.string().uuid(),
  displayName: z.string(),
  joinedAt: z.string(),
});
export type ClassMember = z.infer<typeof classMemberSchema>;

/** POST /admin/accounts/bulk: at most this many accounts per request (a lab, not a whole district at once). */
export const BULK_ACCOUNTS_MAX = 500;

export const bulkAccountOutcomes = ['created', 'existed', 'refused'] as const;
export const bulkAccountResultSchema = z.object({
  /** The row's position in the request (0-based). */
  index: z.number().int().nonnegative(),
  email: z.string(),
  outcome: z.enum(bulkAccountOutcomes),
  /** Why a row was refused. */
  reason: z.string().nullable(),
  accountId: z.string().nullable(),
});
export type BulkAccountResult = z.infer<typeof bulkAccountResultSchema>;
export const bulkAccountsAnswerSchema = z.object({
  results: z.array(bulkAccountResultSchema),
  /** The class every created or existing account is now in, when the request named one. */
  className: z.string().nullable(),
});
export type BulkAccountsAnswer = z.infer<typeof bulkAccountsAnswerSchema>;

/**
 * POST /admin/accounts/bulk. Each row is checked on its own on the server (a bad email refuses that row, not
 * the file); the shape here only bounds the request.
 */
export const bulkAccountsRequestSchema = z.object({
  accounts: z
    .array(
      z.object({
        email: z.string().max(1000),
        displayName: z.string().max(1000),
        password: z.string().max(1000),
      }),
    )
    .min(1)
    .max(BULK_ACCOUNTS_MAX),
  /** Adds every created or existing account to the class with this join code. */
  classJoinCode: z.string().max(32).optional(),
});
export type BulkAccountsRequest = z.infer<typeof bulkAccountsRequestSchema>;
