import { z } from 'zod';
import { assignmentSchema, assignmentStatuses } from './assignments.js';
import {
  assignmentInputSchema,
  classMemberSchema,
  classNameSchema,
  joinedClassSchema,
  taughtClassSchema,
} from './classes.js';
import { sessionSchema } from './learners.js';
import { syncRoleSchema } from './sync-wire.js';

/**
 * The app's classroom methods: a learner signed in to a class server (through Sync) joins classes and sees
 * their assignments with where they stand; a teacher manages their classes. The core talks to the class
 * server; the faces see only these shapes.
 */

/** An assignment as the learner's home shows it: with its class and the learner's own status, computed here. */
export const assignmentViewSchema = assignmentSchema.extend({
  className: z.string(),
  status: z.enum(assignmentStatuses),
});
export type AssignmentView = z.infer<typeof assignmentViewSchema>;

export const classroomSchema = z.object({
  /** The class server the learner is signed in to through Sync; null when not signed in. */
  serverUrl: z.string().nullable(),
  /** The account's role there, as its last sign-in said; null when not signed in. */
  role: syncRoleSchema.nullable(),
  classes: z.array(joinedClassSchema),
  assignments: z.array(assignmentViewSchema),
  /** When the lists last came from the server (ISO); null when they never did. */
  updatedAt: z.string().nullable(),
  /** Why the lists are the saved ones (the server could not be reached); null when they are fresh. */
  offline: z.string().nullable(),
});
export type Classroom = z.infer<typeof classroomSchema>;

export const classDetailSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  members: z.array(classMemberSchema),
  assignments: z.array(assignmentSchema),
});
export type ClassDetail = z.infer<typeof classDetailSchema>;

const asLearner = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ session: sessionSchema, ...shape });
const classId = z.string().uuid();
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const classroomApi = {
  /** The learner's classes and assignments: from the server when it answers, else the last saved ones. */
  getClassroom: method(asLearner({}), classroomSchema),
  joinClass: method(asLearner({ joinCode: z.string().min(1).max(32) }), classroomSchema),
  leaveClass: method(asLearner({ classId }), classroomSchema),
  /** Teacher methods: the server checks the role and that the class is theirs. */
  listTaughtClasses: method(asLearner({}), z.array(taughtClassSchema)),
  createClass: method(asLearner({ name: classNameSchema }), taughtClassSchema),
  getClassDetail: method(asLearner({ classId }), classDetailSchema),
  removeClassMember: method(asLearner({ classId, accountId: z.string().uuid() }), z.null()),
  renewJoinCode: method(asLearner({ classId }), z.object({ joinCode: z.string() })),
  createAssignment: method(asLearner({ classId, assignment: assignmentInputSchema }), assignmentSchema),
  deleteAssignment: method(asLearner({ classId, assignmentId: z.string().uuid() }), z.null()),
};
