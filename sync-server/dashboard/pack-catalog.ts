import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPackSource, MANIFEST_FILE } from '../../content-packs/format/pack-source.js';
import type { LoadedPack } from '../../content-packs/format/pack-source.js';
import type { ProgressCatalog } from '../../common/progress-rules/catalog.js';
import { emptyCatalog } from '../../common/progress-rules/catalog.js';

const qualify = (packId: string, localId: string) => `${packId}/${localId}`;
const byTitle = (a: { title: string }, b: { title: string }) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

/** The catalog the app builds from the same packs: ids qualified by the pack, packs by title, modules in order. */
export function catalogOfPacks(packs: readonly LoadedPack[]): ProgressCatalog {
  const catalog = emptyCatalog();
  const skillTitles = new Map<string, string>();
  const itemTitles = new Map<string, string>();
  const modules: ProgressCatalog['modules'][number][] = [];
  const manifests = packs.map((p) => ({ ...p, title: p.manifest.title })).sort(byTitle);
  for (const { manifest, quizzes } of manifests) {
    const q = (localId: string) => qualify(manifest.id, localId);
    for (const skill of manifest.skills) skillTitles.set(q(skill.id), skill.title);
    for (const module of manifest.modules) {
      itemTitles.set(q(module.id), module.title);
      for (const item of [...module.lessons, ...module.exercises]) itemTitles.set(q(item.id), item.title);
      modules.push({
        moduleId: q(module.id),
        packId: manifest.id,
        title: module.title,
        lessons: module.lessons.map((l) => q(l.id)),
        exercises: module.exercises.map((e) => q(e.id)),
        quizItems: (quizzes.get(module.id) ?? []).map((item) => q(item.id)),
      });
    }
  }
  return {
    ...catalog,
    modules,
    packs: manifests.map(({ manifest }) => ({ packId: manifest.id, title: manifest.title })),
    skillTitles,
    itemTitles,
  };
}

/** The packs in `dir` (each folder with a pack.json), as a catalog; an empty catalog without the folder. */
export async function loadPackCatalog(dir: string | undefined): Promise<ProgressCatalog> {
  if (dir === undefined || !existsSync(dir)) return emptyCatalog();
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, MANIFEST_FILE)))
    .map((entry) => join(dir, entry.name));
  return catalogOfPacks(await Promise.all(folders.map((folder) => loadPackSource(folder))));
}

/** Changes whenever a module gains or loses an item: stored module rows are recomputed when it does. */
export function catalogFingerprint(catalog: ProgressCatalog): string {
  const hash = createHash('sha256');
  for (const m of catalog.modules) hash.update(JSON.stringify([m.moduleId, m.lessons, m.exercises, m.quizItems]));
  return hash.digest('hex');
}
