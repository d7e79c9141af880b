import { readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { EXERCISE_FILES, packManifestSchema, quizFileSchema } from './manifest.js';
import type { PackManifest, QuizItem } from './manifest.js';
import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { sayIssues } from '../../common/i18n/input-issues.js';

export const MANIFEST_FILE = 'pack.json';
/** What a pack's `model` folder holds (the layout of a TensorFlow.js model). */
export const MODEL_FILES = ['model.json', 'weights.bin'] as const;

/** A pack source refused; `reason` is the catalog message an archive's refusal carries on. */
export class PackFormatError extends Error {
  /** The whole sentence as a catalog message, for a face to say in its language. */
  readonly said: Said;
  constructor(
    readonly source: string,
    readonly reason: Said,
  ) {
    const said = say('pack-source-refused', { source, reason });
    super(said.text);
    this.said = said;
    this.name = 'PackFormatError';
  }
}

export interface LoadedPack {
  manifest: PackManifest;
  /** Every file the manifest names (and pack.json), keyed by its path in the pack. */
  files: Map<string, Buffer>;
  /** Quiz items by module id. */
  quizzes: Map<string, QuizItem[]>;
}

/** The files a manifest names, in a stable order: what a pack holds besides pack.json. */
export function referencedFiles(manifest: PackManifest): string[] {
  return [
    ...manifest.modules.flatMap((m) => [
      ...m.lessons.map((l) => l.file),
      ...m.exercises.flatMap((e) => [...EXERCISE_FILES, ...e.helpers].map((f) => `${e.dir}/${f}`)),
      ...(m.quiz ? [m.quiz] : []),
    ]),
    ...(manifest.runtimeImage ? [manifest.runtimeImage] : []),
    ...(manifest.model ? MODEL_FILES.map((f) => `${manifest.model}/${f}`) : []),
  ];
}

/** Reads a file that must stay inside `root` once links are resolved. */
async function readInside(root: string, path: string, source: string): Promise<Buffer> {
  let real: string;
  try {
    real = await realpath(join(root, path));
  } catch {
    throw new PackFormatError(source, say('pack-names-missing-file', { path }));
  }
  const rel = relative(root, real);
  if (rel.startsWith('..') || rel.split(sep).includes('..')) {
    throw new PackFormatError(source, say('pack-path-outside', { path }));
  }
  return readFile(real);
}

export function parseManifest(bytes: Buffer, source: string): PackManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new PackFormatError(
      source,
      say('pack-manifest-not-json', { file: MANIFEST_FILE, detail: (error as Error).message }),
    );
  }
  const parsed = packManifestSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success)
    throw new PackFormatError(
      source,
      say('pack-manifest-invalid', { file: MANIFEST_FILE, detail: sayIssues(parsed.error) }),
    );
  return parsed.data;
}

function parseQuizzes(manifest: PackManifest, files: Map<string, Buffer>, source: string): Map<string, QuizItem[]> {
  const quizzes = new Map<string, QuizItem[]>();
  const seen = new Set<string>();
  for (const module of manifest.modules.filter((m) => m.quiz)) {
    const path = module.quiz!;
    let items: QuizItem[];
    try {
      items = quizFileSchema.parse(JSON.parse(files.get(path)!.toString('utf8')), { reportInput: true });
    } catch (error) {
      const detail = error instanceof z.ZodError ? sayIssues(error) : (error as Error).message;
      throw new PackFormatError(source, say('pack-quiz-invalid', { path, detail }));
    }
    for (const item of items) {
      if (seen.has(item.id)) throw new PackFormatError(source, say('pack-quiz-item-twice', { id: item.id, path }));
      seen.add(item.id);
    }
    quizzes.set(module.id, items);
  }
  for (const form of manifest.assessments) {
    if (new Set(form.items).size !== form.items.length) {
      throw new PackFormatError(source, say('pack-test-item-twice', { id: form.id }));
    }
    const unknown = form.items.filter((id) => !seen.has(id));
    if (unknown.length > 0) {
      const items = unknown.map((id) => `"${id}"`).join(', ');
      throw new PackFormatError(source, say('pack-test-unknown-items', { id: form.id, items }));
    }
  }
  if (new Set(manifest.assessments.map((f) => f.id)).size !== manifest.assessments.length) {
    throw new PackFormatError(source, say('pack-test-id-twice'));
  }
  return quizzes;
}

type ReadPackFile = (path: string) => Promise<Buffer>;

async function assemble(source: string, manifestBytes: Buffer, read: ReadPackFile): Promise<LoadedPack> {
  const manifest = parseManifest(manifestBytes, source);
  const files = new Map<string, Buffer>([[MANIFEST_FILE, manifestBytes]]);
  for (const path of referencedFiles(manifest)) files.set(path, await read(path));
  return { manifest, files, quizzes: parseQuizzes(manifest, files, source) };
}

/** Loads a pack source folder (the form authors edit, and the form an installed version takes). */
export async function loadPackSource(dir: string): Promise<LoadedPack> {
  const root = await realpath(dir).catch(() => {
    throw new PackFormatError(dir, say('pack-folder-not-found'));
  });
  const manifestBytes = await readFile(join(root, MANIFEST_FILE)).catch((error: Error) => {
    throw new PackFormatError(dir, say('pack-manifest-unreadable', { file: MANIFEST_FILE, detail: error.message }));
  });
  return assemble(dir, manifestBytes, (path) => readInside(root, path, dir));
}

/** Loads a pack from files already in memory (an archive's verified contents), by the same rules. */
export async function loadPackFromFiles(files: ReadonlyMap<string, Buffer>, source: string): Promise<LoadedPack> {
  const manifestBytes = files.get(MANIFEST_FILE);
  if (!manifestBytes) throw new PackFormatError(source, say('pack-no-manifest', { file: MANIFEST_FILE }));
  return assemble(source, manifestBytes, async (path) => {
    const bytes = files.get(path);
    if (!bytes) throw new PackFormatError(source, say('pack-names-missing-file', { path }));
    return bytes;
  });
}
