import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../components/LoadStatus.js';
import { ModuleProgress, ProgressMark } from '../components/ProgressMark.js';
import { learn } from '../learn.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';
import { useStepProgress } from '../use-step-progress.js';

export function ModuleScreen({ moduleId }: { moduleId: string }) {
  const { t } = useTranslation();
  const state = useLoad(moduleId, () => learn().getModule({ moduleId }));
  const progress = useStepProgress();
  const states = new Map(progress.status === 'ready' ? progress.value.steps.map((s) => [s.contentId, s.state]) : []);
  const mark = (id: string) => {
    const known = states.get(id);
    return (
      known && (
        <>
          {' '}
          <ProgressMark state={known} />
        </>
      )
    );
  };
  return (
    <LoadStatus state={state} what={t('module.what')}>
      {(module) => (
        <section aria-labelledby="module-heading">
          <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
            <a href={hrefFor.modules()}>{t('breadcrumb.modules')}</a> <span aria-hidden="true">›</span> {module.title}
          </nav>
          <h1 id="module-heading">{module.title}</h1>
          <p className="lead">{module.description}</p>
          {progress.status === 'ready' && (
            <p className="status" data-testid="module-progress">
              {t('module.yourProgress')}{' '}
              <ModuleProgress
                states={[...module.lessons, ...module.exercises].flatMap((item) => states.get(item.id) ?? [])}
              />
            </p>
          )}
          <ol className="lesson-list" aria-label={t('module.lessonsIn', { title: module.title })}>
            {module.lessons.map((lesson) => (
              <li key={lesson.id}>
                <a href={hrefFor.lesson(lesson.id)} data-testid="lesson-link">
                  {lesson.title}
                </a>
                {mark(lesson.id)}
              </li>
            ))}
          </ol>
          {module.quizItemCount > 0 && (
            <p className="quiz-link">
              <a href={hrefFor.quiz(module.id)} data-testid="quiz-link">
                {t('module.takeQuiz')}
              </a>{' '}
              <span className="status">{t('module.quizNote', { count: module.quizItemCount })}</span>
              <br />
              <a href={hrefFor.assess(module.id)} data-testid="assess-link">
                {t('module.testYourself')}
              </a>{' '}
              <span className="status">{t('module.testNote')}</span>
            </p>
          )}
          {module.exercises.length > 0 && (
            <>
              <h2>{t('module.exercises')}</h2>
              <ol className="lesson-list" aria-label={t('module.exercisesIn', { title: module.title })}>
                {module.exercises.map((exercise) => (
                  <li key={exercise.id}>
                    <a href={hrefFor.exercise(exercise.id)} data-testid="exercise-link">
                      {exercise.title}
                    </a>{' '}
                    <span className="status">{t('module.difficulty', { difficulty: exercise.difficulty })}</span>
                    {mark(exercise.id)}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </LoadStatus>
  );
}
