import semver from 'semver';
import { z } from 'zod';
import { localIdSchema } from '../../common/contract/content.js';
import { MAX_ASSESSMENT_ITEMS, MAX_ASSESSMENT_MINUTES } from '../../common/contract/assessments.js';
import { MAX_EVENT_SKILLS } from '../../common/contract/progress.js';
import { MAX_QUIZ_ANSWER_LENGTH, MAX_QUIZ_CHOICES, MAX_QUIZ_CODE_LENGTH } from '../../common/contract/quiz.js';
import { checkPrerequisites, MAX_PREREQUISITE_DEPTH } from './prerequisite-graph.js';
import { ruleText } from '../../common/i18n/input-issues.js';

/** The manifest format this code reads; a pack written for a newer one is refused. */
export const MANIFEST_FORMAT_VERSION = 1;

const semverSchema = z.string().refine((v) => semver.valid(v) === v, ruleText('rule-pack-semver'));

/**
 * A path inside the pack, relative, forward slashes, never leaving the pack folder, and naming one
 * file the same way on every system: no empty or "." segments (two spellings of one file), no
 * control characters, no ":" (a drive, or a Windows alternate data stream).
 */
export const packPathSchema = z
  .string()
  .min(1)
  .max(240)
  .refine(
    (p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.includes('\\') && !p.split('/').includes('..'),
    ruleText('rule-pack-relative-path'),
  )
  .refine(
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    (p) => !/[\u0000-\u001f\u007f:]/.test(p) && p.split('/').every((segment) => segment !== '' && segment !== '.'),
    ruleText('rule-pack-plain-path'),
  );

const title = z.string().min(1).max(200);
const difficulty = z.number().int().min(1).max(5);
const ids = z.array(localIdSchema);
// Copied into every answer's event, which carries at most this many.
const answerSkills = ids.min(1).max(MAX_EVENT_SKILLS);

const skillSchema = z.strictObject({ id: localIdSchema, title, requires: ids.default([]) });

const lessonEntrySchema = z.strictObject({
  id: localIdSchema,
  title,
  file: packPathSchema.refine((p) => p.endsWith('.md'), ruleText('rule-lesson-markdown')),
  skills: ids.default([]),
  /** Lessons to read first. */
  requires: ids.default([]),
});

/** An exercise folder holds prompt.md, starter.py, solution.py and tests.py (unittest, importing `solution`). */
export const EXERCISE_FILES = ['prompt.md', 'starter.py', 'solution.py', 'tests.py'] as const;

/** What an exercise may ask of its sandbox; the app grants it up to the maxima its admin set. */
export const exerciseLimitsSchema = z
  .strictObject({
    timeoutMs: z.number().int().min(100).max(120_000),
    memoryMb: z.number().int().min(32).max(4096),
    cpus: z.number().min(0.1).max(8),
    pids: z.number().int().min(8).max(1024),
    outputBytes: z
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024),
    /** Sizes of the run's /work and /tmp (each a RAM-backed tmpfs). */
    workDirMb: z.number().int().min(1).max(1024),
    tmpMb: z.number().int().min(1).max(1024),
  })
  .partial();
export type ExerciseLimits = z.infer<typeof exerciseLimitsSchema>;

/** The exercise files a helper module may not replace. */
const RESERVED_FILES = new Set(['solution.py', 'tests.py', 'starter.py', 'main.py']);

/**
 * Small Python modules beside an exercise's four files that its tests (or the learner's code) import,
 * such as a fake model client: plain module file names, copied into the sandbox with the tests.
 */
export const exerciseHelpersSchema = z
  .array(
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,40}\.py$/, ruleText('rule-helper-name'))
      .refine((name) => !RESERVED_FILES.has(name), ruleText('rule-helper-reserved')),
  )
  .max(5)
  .refine((names) => new Set(names).size === names.length, ruleText('rule-helper-unique'));

const exerciseEntrySchema = z.strictObject({
  id: localIdSchema,
  title,
  dir: packPathSchema,
  difficulty,
  skills: answerSkills,
  hints: z.array(z.string().min(1).max(1000)).max(10).default([]),
  /** Lessons that teach what the exercise needs. */
  requires: ids.default([]),
  limits: exerciseLimitsSchema.optional(),
  helpers: exerciseHelpersSchema.default([]),
  /**
   * For assessments: the learner's code runs in a process of its own and the tests call its functions
   * across a pipe, so it cannot reach the tests or their results. Its functions must take and return
   * plain data (numbers, strings, lists, dicts, tuples, sets), and classes are not supported.
   */
  isolated: z.boolean().default(false),
});

const quizBase = {
  id: localIdSchema,
  prompt: z.string().min(1).max(4000),
  skills: answerSkills,
  difficulty,
  explanation: z.string().max(4000).default(''),
};

const choiceIndex = z.number().int().nonnegative();

/**
 * Python source in a quiz file: one string, or a list of lines (easier to read and to diff in JSON),
 * joined with newlines and ended with one.
 */
const pythonSource = (what: string, max: number) =>
  z
    .union([z.string(), z.array(z.string().max(1000)).max(2000)])
    .transform((source) => (Array.isArray(source) ? `${source.join('\n')}\n` : source))
    .pipe(
      z
        .string()
        .max(max, `${what} is at most ${max.toLocaleString('en')} characters`)
        .refine((source) => source.trim() !== '', `${what} must not be blank`),
    );

export const quizItemSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      ...quizBase,
      kind: z.literal('choice'),
      choices: z.array(z.string().min(1).max(500)).min(2).max(MAX_QUIZ_CHOICES),
      /** The right choice's index; a list of indexes makes it "choose all that apply". */
      answer: z.union([choiceIndex, z.array(choiceIndex).min(1).max(MAX_QUIZ_CHOICES)]),
    })
    .refine(
      (q) => [q.answer].flat().every((i) => i < q.choices.length),
      'answer must be the index of one of the choices (0-based)',
    )
    .refine((q) => new Set([q.answer].flat()).size === [q.answer].flat().length, ruleText('rule-answer-twice'))
    // Two equal choices could not be told apart by a learner, nor graded fairly.
    .refine((q) => new Set(q.choices.map((c) => c.trim())).size === q.choices.length, ruleText('rule-choices-differ')),
  z.strictObject({
    ...quizBase,
    kind: z.literal('numeric'),
    answer: z.number().refine(Number.isFinite, ruleText('rule-answer-finite')),
    /** How far from the answer a learner's number may be and still count (absolute). */
    tolerance: z.number().min(0, ruleText('rule-tolerance')).refine(Number.isFinite).default(0),
  }),
  z.strictObject({
    ...quizBase,
    kind: z.literal('short'),
    /** Accepted answers, compared after normalising (Unicode NFC, whitespace, surrounding punctuation). */
    answers: z
      .array(
        z
          .string()
          .min(1)
          .max(MAX_QUIZ_ANSWER_LENGTH)
          .refine((a) => a.trim() !== '', ruleText('rule-accepted-blank')),
      )
      .min(1)
      .max(20),
    caseSensitive: z.boolean().default(false),
  }),
  z.strictObject({
    ...quizBase,
    kind: z.literal('code'),
    /** What the learner's editor starts with: the function's signature and a body that fails the tests. */
    starter: pythonSource('starter', MAX_QUIZ_CODE_LENGTH),
    /** The reference solution: it must pass the tests (`lionlearn pack check`); shown after answering. */
    solution: pythonSource('solution', MAX_QUIZ_CODE_LENGTH),
    /** unittest tests that `from solution import ...`, hidden from the learner; run isolated in the sandbox. */
    tests: pythonSource('tests', 100_000),
  }),
]);
export type QuizItem = z.infer<typeof quizItemSchema>;
export const quizFileSchema = z.array(quizItemSchema).min(1);

const moduleEntrySchema = z.strictObject({
  id: localIdSchema,
  title,
  description: z.string().max(2000),
  /** Modules to finish first. */
  requires: ids.default([]),
  lessons: z.array(lessonEntrySchema).min(1),
  exercises: z.array(exerciseEntrySchema).default([]),
  /** A JSON file with the module's quiz items. */
  quiz: packPathSchema.refine((p) => p.endsWith('.json'), ruleText('rule-quiz-json')).optional(),
});

/**
 * A fixed form the pack's authors picked: quiz items of the pack (by id, in the order asked) and a
 * time limit. A learner starts it from the pack's test screen; the app keeps the time limit.
 */
const assessmentFormSchema = z.strictObject({
  id: localIdSchema,
  title,
  items: ids.min(1).max(MAX_ASSESSMENT_ITEMS),
  timeLimitMinutes: z.number().int().min(1).max(MAX_ASSESSMENT_MINUTES).optional(),
});

function checkReferences(
  manifest: { skills: { id: string; requires: string[] }[]; modules: z.infer<typeof moduleEntrySchema>[] },
  ctx: z.RefinementCtx,
): void {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
  const seen = new Set<string>();
  const lessons = manifest.modules.flatMap((m) => m.lessons);
  const exercises = manifest.modules.flatMap((m) => m.exercises);
  for (const { id } of [...manifest.modules, ...lessons, ...exercises]) {
    if (seen.has(id)) issue(`duplicate id "${id}"`);
    seen.add(id);
  }
  const skillIds = new Set(manifest.skills.map((s) => s.id));
  if (skillIds.size !== manifest.skills.length) issue('duplicate skill id');
  const known = (kind: string, pool: Set<string>, owner: string, refs: string[]) =>
    refs.filter((r) => !pool.has(r)).forEach((r) => issue(`${owner} names unknown ${kind} "${r}"`));
  const lessonIds = new Set(lessons.map((l) => l.id));
  const moduleIds = new Set(manifest.modules.map((m) => m.id));
  for (const s of manifest.skills) known('skill', skillIds, `skill "${s.id}"`, s.requires);
  for (const m of manifest.modules) known('module', moduleIds, `module "${m.id}"`, m.requires);
  for (const l of lessons) {
    known('lesson', lessonIds, `lesson "${l.id}"`, l.requires);
    known('skill', skillIds, `lesson "${l.id}"`, l.skills);
  }
  for (const e of exercises) {
    known('lesson', lessonIds, `exercise "${e.id}"`, e.requires);
    known('skill', skillIds, `exercise "${e.id}"`, e.skills);
  }
  const graphs = [
    ['skills', manifest.skills],
    ['modules', manifest.modules],
    ['lessons', lessons],
  ] as const;
  for (const [kind, nodes] of graphs) {
    const problem = checkPrerequisites(nodes);
    if (problem?.kind === 'cycle') issue(`prerequisites of ${kind} form a cycle: ${problem.cycle.join(' -> ')}`);
    if (problem?.kind === 'too-deep') {
      issue(
        `prerequisites of ${kind} chain more than ${MAX_PREREQUISITE_DEPTH} deep (from "${problem.from}"); ` +
          `a pack may chain at most ${MAX_PREREQUISITE_DEPTH}`,
      );
    }
  }
}

export const packManifestSchema = z
  .strictObject({
    formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
    id: localIdSchema,
    version: semverSchema,
    title,
    description: z.string().max(2000),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, ruleText('rule-language-tag')),
    authors: z.array(z.string().min(1)).min(1),
    license: z.string().min(1),
    minAppVersion: semverSchema.default('0.1.0'),
    /** The sandbox runtime exercises run in, such as "python-3.11". */
    runtime: z
      .string()
      .regex(/^[a-z]+-\d+(\.\d+)*$/, ruleText('rule-runtime'))
      .default('python-3.11'),
    /**
     * A `docker save` archive (.tar or .tar.gz) of the runtime's sandbox image, for labs whose
     * machines can neither build it nor reach a registry. Loaded at the first run.
     */
    runtimeImage: packPathSchema.optional(),
    /**
     * A folder with a knowledge-tracing model trained on a class's answers (`lionlearn model train`
     * writes model.json and weights.bin), used from a new install's first answer.
     */
    model: packPathSchema.optional(),
    skills: z.array(skillSchema).default([]),
    modules: z.array(moduleEntrySchema).min(1),
    /** Fixed forms (tests) of the pack's quiz items; the items are checked against the quiz files. */
    assessments: z.array(assessmentFormSchema).default([]),
  })
  .superRefine(checkReferences);

export type PackManifest = z.infer<typeof packManifestSchema>;
export type PackManifestInput = z.input<typeof packManifestSchema>;
