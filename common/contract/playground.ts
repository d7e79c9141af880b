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
  /** A run would start (perhaps after loading the image from an archive first). */
  canRun: z.boolean(),
});
export type PlaygroundStatus = z.infer<typeof playgroundStatusSchema>;

/** A program's text, as a run, a submission or a saved draft carries it. */
export const MAX_CODE_CHARS = 200_000;
export const codeSchema = z.string().max(MAX_CODE_CHARS, 'the program is longer than 200,000 characters');
const code = codeSchema;

/** A run's id, chosen by the face that starts it. */
export const runIdSchema = z.string().regex(/^run-[A-Za-z0-9_-]{8,40}$/, 'not a run id');

export const executeRequestSchema = z.strictObject({
  code,
  stdin: z.string().max(100_000).default(''),
  runtime: z
    .string()
    .regex(/^[a-z0-9.-]{1,40}$/)
    .default('python-3.11'),
  /** Within the admin's maxima; the defaults are the admin's. */
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
  /** Chosen by the caller, so `cancelRun` can stop this run while it goes. */
  runId: runIdSchema.optional(),
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

export const liveIdSchema = z.string().regex(/^live-[A-Za-z0-9_-]{22}$/, 'not a live session id');
export const sandboxIdSchema = z.string().regex(/^box-[A-Za-z0-9_-]{22}$/, 'not a sandbox id');

export const liveSummarySchema = z.object({
  liveId: liveIdSchema,
  exerciseId: contentIdSchema,
  /** Checks that finished, and those a newer edit cancelled. */
  runs: z.number().int(),
  cancelled: z.number().int(),
  lastStatus: z.enum(['pass', 'fail', 'error']).nullable(),
  bestPassed: z.number().int(),
  total: z.number().int(),
  durationMs: z.number().int(),
});
export type LiveSummary = z.infer<typeof liveSummarySchema>;

const fileName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/, 'a plain file name like "main.py"');
export const workspaceFilesSchema = z
  .record(fileName, z.string().max(200_000))
  .refine((files) => Object.keys(files).length <= 50, 'at most 50 files');

export const sandboxRunRequestSchema = z.strictObject({
  sandboxId: sandboxIdSchema,
  /** Files to write before the run (they replace files of the same name). */
  files: workspaceFilesSchema.default({}),
  entry: fileName.default('main.py'),
  stdin: z.string().max(100_000).default(''),
});

export const sandboxRunResultSchema = executeResultSchema.extend({ files: z.record(z.string(), z.string()) });
export type SandboxRunResult = z.infer<typeof sandboxRunResultSchema>;
