import { z } from 'zod';
import { ruleText } from '../i18n/input-issues.js';
import { messageRefSchema } from '../i18n/message.js';
import { contentIdSchema } from './content.js';

/** What the sandbox engine can do right now; anything but `ready` comes with what to do about it. */
export const playgroundStatusSchema = z.object({
  state: z.enum(['ready', 'docker-missing', 'docker-stopped', 'image-missing', 'image-building', 'unavailable']),
  message: z.string(),
  messageI18n: messageRefSchema.optional(),
  /** What a learner can do meanwhile and who can fix it, in plain words with no commands; null when it runs. */
  help: z.string().nullable(),
  helpI18n: messageRefSchema.optional(),
  /** What fixes it: the machine admin's steps and commands (doctor and the admin's view show it). */
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
export const runIdSchema = z.string().regex(/^run-[A-Za-z0-9_-]{8,40}$/, ruleText('rule-run-id'));

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
  /** What happened, in a sentence a learner understands, when the run did not end on its own (crash, timeout...). */
  message: z.string().optional(),
  messageI18n: messageRefSchema.optional(),
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
  messageI18n: messageRefSchema.optional(),
  tests: z.array(testResultSchema),
  run: executeResultSchema,
});
export type ValidateResult = z.infer<typeof validateResultSchema>;

export const liveIdSchema = z.string().regex(/^live-[A-Za-z0-9_-]{22}$/, ruleText('rule-live-id'));
export const sandboxIdSchema = z.string().regex(/^box-[A-Za-z0-9_-]{22}$/, ruleText('rule-sandbox-id'));

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

const fileName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/, ruleText('rule-file-name'));
export const workspaceFilesSchema = z
  .record(fileName, z.string().max(200_000))
  .refine((files) => Object.keys(files).length <= 50, ruleText('rule-at-most-50-files'));

export const sandboxRunRequestSchema = z.strictObject({
  sandboxId: sandboxIdSchema,
  /** Files to write before the run (they replace files of the same name). */
  files: workspaceFilesSchema.default({}),
  entry: fileName.default('main.py'),
  stdin: z.string().max(100_000).default(''),
});

/** A file of /work a scratch run did not keep, and why (binary, too large, too many files). */
export const fileLeftOutSchema = z.object({ name: z.string().max(200), reason: z.string().max(200) });

export const sandboxRunResultSchema = executeResultSchema.extend({
  files: z.record(z.string(), z.string()),
  filesLeftOut: z.array(fileLeftOutSchema).default([]),
});
export type SandboxRunResult = z.infer<typeof sandboxRunResultSchema>;

/**
 * What the sandbox's loader reports on its own channel after a job (before its end frame): how the
 * learner's process ended, whether its output was cut, and for a test job the verdict, computed by the
 * loader from one outcome per test. It comes out of the container, so it is parsed, never trusted as is.
 */
export const sandboxReportSchema = z.object({
  exit: z.object({ code: z.number().int(), signal: z.number().int().nullable() }),
  truncated: z.boolean(),
  /** The loader's own deadline passed and it ended the run (it holds even when the app is gone). */
  timedOut: z.boolean(),
  /** A process of the run was killed for memory (the container's cgroup counted an OOM kill). */
  oomKilled: z.boolean(),
  grading: z
    .object({
      status: validateResultSchema.shape.status,
      message: z.string().max(10_000).optional(),
      tests: z.array(testResultSchema).max(10_000),
      /** What printed while the tests loaded. */
      output: z.string().max(10_000).optional(),
      /** Why there is no verdict from the tests themselves; the app words it (run-outcomes.ts). */
      problem: z.enum(['crashed', 'ended-early', 'tampered']).optional(),
      /** What the code under test changed, for "tampered". */
      what: z.string().max(200).optional(),
    })
    .optional(),
  files: workspaceFilesSchema.optional(),
  filesLeftOut: z.array(fileLeftOutSchema).max(10_000).optional(),
});
export type SandboxReport = z.infer<typeof sandboxReportSchema>;
