import { readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { packManifestSchema } from './manifest.js';
import type { PackManifest } from './manifest.js';

export const MANIFEST_FILE = 'pack.json';

export class PackFormatError extends Error {
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`Pack ${source}: ${detail}`);
    this.name = 'PackFormatError';
  }
}

export interface LoadedPack {
  manifest: PackManifest;
  /** Lesson Markdown keyed by the manifest's `file` path. */
  files: Map<string, string>;
}

/** Reads a file that must stay inside `root` once links are resolved. */
async function readInside(root: string, path: string, source: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(join(root, path));
  } catch {
    throw new PackFormatError(source, `the manifest names "${path}", which does not exist`);
  }
  const rel = relative(root, real);
  if (rel.startsWith('..') || rel.split(sep).includes('..')) {
    throw new PackFormatError(source, `"${path}" leads outside the pack`);
  }
  return readFile(real, 'utf8');
}

/** Loads a pack source folder (the form authors edit): the manifest and every file it names. */
export async function loadPackSource(dir: string): Promise<LoadedPack> {
  const root = await realpath(dir).catch(() => {
    throw new PackFormatError(dir, 'folder not found');
  });
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(root, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    throw new PackFormatError(dir, `cannot read ${MANIFEST_FILE}: ${(error as Error).message}`);
  }
  const parsed = packManifestSchema.safeParse(raw);
  if (!parsed.success) throw new PackFormatError(dir, `${MANIFEST_FILE} is invalid:\n${z.prettifyError(parsed.error)}`);
  const manifest = parsed.data;
  const files = new Map<string, string>();
  for (const lesson of manifest.modules.flatMap((m) => m.lessons)) {
    files.set(lesson.file, await readInside(root, lesson.file, dir));
  }
  return { manifest, files };
}
