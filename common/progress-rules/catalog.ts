/**
 * What the rules need to know of the installed content: each module's items and the skills' titles. The app
 * reads it from its catalog tables, the class server from the packs it serves; the same packs give the same
 * totals.
 */
export interface CatalogModule {
  moduleId: string;
  packId: string;
  title: string;
  lessons: readonly string[];
  exercises: readonly string[];
  quizItems: readonly string[];
}

export interface ProgressCatalog {
  /** In course order: packs by title, modules by position. */
  modules: readonly CatalogModule[];
  packs: readonly { packId: string; title: string }[];
  /** Skill id -> title; a skill missing here is shown by its id. */
  skillTitles: ReadonlyMap<string, string>;
  /** Lesson, exercise and module id -> title, for reports; an item missing here is shown by its id. */
  itemTitles: ReadonlyMap<string, string>;
}

export const emptyCatalog = (): ProgressCatalog => ({
  modules: [],
  packs: [],
  skillTitles: new Map(),
  itemTitles: new Map(),
});
