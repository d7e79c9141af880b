import { LoadStatus } from '../components/LoadStatus.js';
import { Markdown } from '../components/Markdown.js';
import { learn } from '../learn.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';

export function LessonScreen({ lessonId }: { lessonId: string }) {
  const state = useLoad(lessonId, () => learn().getLesson({ lessonId }));
  return (
    <LoadStatus state={state} what="this lesson">
      {(lesson) => (
        <article className="lesson" aria-label={lesson.title}>
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <a href={hrefFor.modules()}>Modules</a> <span aria-hidden="true">›</span>{' '}
            <a href={hrefFor.module(lesson.moduleId)}>{lesson.moduleTitle}</a>
          </nav>
          <div className="lesson-body" data-testid="lesson-body">
            <Markdown source={lesson.markdown} />
          </div>
          <nav aria-label="Lesson navigation" className="lesson-nav">
            {lesson.previousLessonId && (
              <a href={hrefFor.lesson(lesson.previousLessonId)} rel="prev">
                ← Previous lesson
              </a>
            )}
            {lesson.nextLessonId && (
              <a href={hrefFor.lesson(lesson.nextLessonId)} rel="next">
                Next lesson →
              </a>
            )}
          </nav>
        </article>
      )}
    </LoadStatus>
  );
}
