import semver from 'semver';
import { z } from 'zod';
import { localIdSchema } from '../../common/contract/content.js';

/** The manifest format this code reads; a pack written for a newer one is refused. */
export const MANIFEST_FORMAT_VERSION = 1;

const semverSchema = z.string().refine((v) => semver.valid(v) === v, 'must be a semantic version like 1.2.0');

/** A path inside the pack, relative, forward slashes, never leaving the pack folder. */
export const packPathSchema = z
  .string()
  .min(1)
  .max(240)
  .refine(
    (p) => !p.startsWith('/') && !/^[a-zA-Z]:/.test(p) && !p.includes('\\') && !p.split('/').includes('..'),
    'must be a relative path inside the pack (no "..", no absolute paths, no backslashes)',
  );

const lessonEntrySchema = z.strictObject({
  id: localIdSchema,
  title: z.string().min(1).max(200),
  file: packPathSchema.refine((p) => p.endsWith('.md'), 'lesson files are Markdown (.md)'),
});

const moduleEntrySchema = z.strictObject({
  id: localIdSchema,
  title: z.string().min(1).max(200),
  description: z.string().max(2000),
  lessons: z.array(lessonEntrySchema).min(1),
});

export const packManifestSchema = z
  .strictObject({
    formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
    id: localIdSchema,
    version: semverSchema,
    title: z.string().min(1).max(200),
    description: z.string().max(2000),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language tag like "en" or "pt-BR"'),
    authors: z.array(z.string().min(1)).min(1),
    license: z.string().min(1),
    modules: z.array(moduleEntrySchema).min(1),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    const items = [...manifest.modules, ...manifest.modules.flatMap((m) => m.lessons)];
    for (const { id } of items) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${id}"` });
      seen.add(id);
    }
  });

export type PackManifest = z.infer<typeof packManifestSchema>;
