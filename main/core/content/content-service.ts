import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { LearnService } from '../../../common/contract/api.js';
import type { CatalogStore } from './catalog-store.js';
import type { SearchIndex } from './search-index.js';

export type ContentService = Pick<
  LearnService,
  | 'listModules'
  | 'getModule'
  | 'getLesson'
  | 'getExercise'
  | 'searchContent'
  | 'getModuleStructure'
  | 'getPrerequisites'
  | 'getNextContent'
>;

/** The seed's content reads over the installed catalog. */
export function createContentService(catalog: CatalogStore, search: SearchIndex): ContentService {
  return {
    searchContent: async (query) => search.search(query),

    listModules: async () => catalog.listModules(),

    getModule: async ({ moduleId }) => {
      const module = catalog.findModule(moduleId);
      if (!module) throw new LearnError('not-found', say('module-unknown', { id: moduleId }));
      const exercises = catalog.exercisesOf(moduleId).map(({ id, title, difficulty }) => ({ id, title, difficulty }));
      return {
        ...module,
        lessons: catalog.lessonsOf(moduleId),
        exercises,
        quizItemCount: catalog.quizItemCount(moduleId),
      };
    },

    getExercise: async ({ exerciseId }) => {
      const exercise = catalog.findExercise(exerciseId);
      if (!exercise) throw new LearnError('not-found', say('exercise-unknown', { id: exerciseId }));
      return exercise;
    },

    getModuleStructure: async ({ moduleId }) => {
      const module = catalog.findModule(moduleId);
      if (!module) throw new LearnError('not-found', say('module-unknown', { id: moduleId }));
      const { structure } = catalog;
      return {
        ...module,
        requires: structure.requires('module', moduleId),
        lessons: catalog.lessonsOf(moduleId).map((l) => ({
          ...l,
          skills: structure.skillsOf(l.id),
          requires: structure.requires('lesson', l.id),
        })),
        exercises: catalog
          .exercisesOf(moduleId)
          .map((e) => ({ id: e.id, title: e.title, difficulty: e.difficulty, skills: structure.skillsOf(e.id) })),
        quizItemCount: catalog.quizItemCount(moduleId),
      };
    },

    getPrerequisites: async ({ contentId }) => {
      const kind = catalog.kindOf(contentId);
      if (!kind) throw new LearnError('not-found', say('content-unknown', { id: contentId }));
      const graph = kind === 'module' ? 'module' : 'lesson';
      return { contentId, prerequisites: catalog.structure.prerequisites(graph, contentId) };
    },

    getNextContent: async ({ currentId }) => {
      if (!catalog.kindOf(currentId)) throw new LearnError('not-found', say('content-unknown', { id: currentId }));
      return catalog.structure.next(currentId) ?? null;
    },

    getLesson: async ({ lessonId }) => {
      const lesson = catalog.findLesson(lessonId);
      if (!lesson) throw new LearnError('not-found', say('lesson-unknown', { id: lessonId }));
      return lesson;
    },
  };
}
