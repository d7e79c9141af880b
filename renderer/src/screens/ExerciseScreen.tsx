import { LoadStatus } from '../components/LoadStatus.js';
import { ModuleBreadcrumb } from '../components/ModuleBreadcrumb.js';
import { Markdown } from '../components/Markdown.js';
import { learn } from '../learn.js';
import { useLoad } from '../use-load.js';
import { Workspace } from './exercise/Workspace.js';

export function ExerciseScreen({ exerciseId }: { exerciseId: string }) {
  const state = useLoad(exerciseId, () => learn().getExercise({ exerciseId }));
  return (
    <LoadStatus state={state} what="this exercise">
      {(exercise) => (
        <article className="exercise" aria-label={exercise.title}>
          <ModuleBreadcrumb moduleId={exercise.moduleId} moduleTitle={exercise.moduleTitle} />
          <div className="exercise-layout">
            <div className="exercise-prompt">
              <Markdown source={exercise.prompt} />
              <p className="status">Difficulty {exercise.difficulty} of 5</p>
            </div>
            <Workspace exercise={exercise} />
          </div>
        </article>
      )}
    </LoadStatus>
  );
}
