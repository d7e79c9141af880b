import { z } from 'zod';
import { contentIdSchema } from './content.js';

/** What the sandbox engine can do right now; anything but `ready` comes with what to do about it. */
export const playgroundStatusSchema = z.object({
  state: z.enum(['ready', 'docker-missing', 'docker-stopped', 'image-missing', 'image-building', 'unavailable']),
  message: z.string(),
  /** What fixes it, in words a learner or admin can act on. */
  fix: z.string().nullable(),
  runtime: z.string(),
  image: z.string(),
});
export type PlaygroundStatus = z.infer<typeof playgroundStatusSchema>;

const code = z.string().max(200_000, 'the program is longer than 200,000 characters');

export const executeRequestSchema = z.strictObject({
  code,
  stdin: z.string().max(100_000).default(''),
  runtime: z
    .string()
    .regex(/^[a-z0-9.-]{1,40}$/)
    .default('python-3.11'),
  /** Within the admin's maxima; the defaults are the admin's. */
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
});
export type ExecuteRequest = z.input<typeof executeRequestSchema>;

export const executeResultSchema = z.object({
  stdout: z.string(),
  stderr: z.string(),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  timedOut: z.boolean(),
  oomKilled: z.boolean(),
  /** Output beyond the cap was cut; the streams end with a note saying so. */
  truncated: z.boolean(),
});
export type ExecuteResult = z.infer<typeof executeResultSchema>;

export const testResultSchema = z.object({
  name: z.string(),
  status: z.enum(['pass', 'fail', 'error']),
  message: z.string().optional(),
  output: z.string().optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const validateRequestSchema = z.strictObject({
  exerciseId: contentIdSchema,
  code,
  hintsUsed: z.number().int().min(0).max(20).default(0),
});

export const validateResultSchema = z.object({
  /** pass: every test passed; fail: some did not; error: the code did not load (syntax, imports). */
  status: z.enum(['pass', 'fail', 'error']),
  message: z.string().optional(),
  tests: z.array(testResultSchema),
  run: executeResultSchema,
});
export type ValidateResult = z.infer<typeof validateResultSchema>;
