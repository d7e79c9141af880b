import { LearnError } from '../../../common/contract/errors.js';
import type { LearnService } from '../../../common/contract/api.js';
import type { CatalogStore } from './catalog-store.js';

export type ContentService = Pick<LearnService, 'listModules' | 'getModule' | 'getLesson'>;

/** The seed's content reads over the installed catalog. */
export function createContentService(catalog: CatalogStore): ContentService {
  return {
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
