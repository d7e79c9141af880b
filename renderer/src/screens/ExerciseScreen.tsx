import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../components/LoadStatus.js';
import { ModuleBreadcrumb } from '../components/ModuleBreadcrumb.js';
import { ContentLanguageProvider, InContentLanguage } from '../components/content-language.js';
import { Markdown } from '../components/Markdown.js';
import { learn } from '../learn.js';
import { useLoad } from '../use-load.js';
import { Workspace } from './exercise/Workspace.js';

export function ExerciseScreen({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const state = useLoad(exerciseId, () => learn().getExercise({ exerciseId }));
  return (
    <LoadStatus state={state} what={t('exercise.what')}>
      {(exercise) => (
        <article className="exercise" aria-label={exercise.title}>
          <ModuleBreadcrumb moduleId={exercise.moduleId} moduleTitle={exercise.moduleTitle} />
          <ContentLanguageProvider language={exercise.language}>
            <div className="exercise-layout">
              <div className="exercise-prompt">
                <InContentLanguage>
                  <Markdown source={exercise.prompt} />
                </InContentLanguage>
                <p className="status">{t('exercise.difficulty', { difficulty: exercise.difficulty })}</p>
              </div>
              <Workspace exercise={exercise} />
            </div>
          </ContentLanguageProvider>
        </article>
      )}
    </LoadStatus>
  );
}
