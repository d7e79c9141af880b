import { LearnError } from '../../../common/contract/errors.js';
import type { LearnService } from '../../../common/contract/api.js';
import type { CatalogStore } from './catalog-store.js';
import type { SearchIndex } from './search-index.js';

export type ContentService = Pick<LearnService, 'listModules' | 'getModule' | 'getLesson' | 'searchContent'>;

/** The seed's content reads over the installed catalog. */
export function createContentService(catalog: CatalogStore, search: SearchIndex): ContentService {
  return {
    searchContent: async (query) => search.search(query),

    listModules: async () => catalog.listModules(),

    getModule: async ({ moduleId }) => {
      const module = catalog.findModule(moduleId);
      if (!module) throw new LearnError('not-found', `No installed module "${moduleId}".`);
      return { ...module, lessons: catalog.lessonsOf(moduleId) };
    },

    getLesson: async ({ lessonId }) => {
      const lesson = catalog.findLesson(lessonId);
      if (!lesson) throw new LearnError('not-found', `No installed lesson "${lessonId}".`);
      return lesson;
    },
  };
}
