import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { ModuleBreadcrumb } from '../components/ModuleBreadcrumb.js';
import { ContentLanguageProvider, InContentLanguage } from '../components/content-language.js';
import { Markdown } from '../components/Markdown.js';
import { NextStep } from '../components/NextStep.js';
import { learn } from '../learn.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';
import { useSession } from '../learner-store.js';

// Time on a page counts up to an hour: a lesson left open overnight is not an hour of study.
const MAX_COUNTED_MS = 60 * 60_000;

/** Records the lesson as opened, and offers "done" (or shows when it was done). Keyed by lesson. */
function LessonDone({ lessonId, onDone }: { lessonId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const openedAt = useRef(0);
  const [completedAt, setCompletedAt] = useState<string | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    openedAt.current = Date.now();
    const api = learn();
    void api.trackProgress({ session, event: { type: 'LessonOpened', data: { lessonId } } }).catch(() => undefined);
    api.getUserProgress({ session }).then(
      (progress) => setCompletedAt(progress.lessons.find((l) => l.lessonId === lessonId)?.completedAt ?? null),
      (e: unknown) => setError((e as Error).message),
    );
  }, [lessonId, session]);

  const markDone = () => {
    const timeSpentMs = Math.min(Date.now() - openedAt.current, MAX_COUNTED_MS);
    learn()
      .trackProgress({ session, event: { type: 'LessonCompleted', data: { lessonId, timeSpentMs } } })
      .then(
        () => {
          setCompletedAt(new Date().toISOString());
          onDone();
        },
        (e: unknown) => setError((e as Error).message),
      );
  };

  if (error) return <p role="alert">{error}</p>;
  if (completedAt === undefined) return null;
  return completedAt ? (
    <p className="lesson-done" role="status">
      {t('lesson.doneOn', { date: formatDate(completedAt) })}
    </p>
  ) : (
    <button type="button" className="primary" onClick={markDone}>
      {t('lesson.markDone')}
    </button>
  );
}

export function LessonScreen({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation();
  const state = useLoad(lessonId, () => learn().getLesson({ lessonId }));
  // Which lesson was just marked done: its next step takes the focus, one Enter away.
  const [justDone, setJustDone] = useState<string>();
  return (
    <LoadStatus state={state} what={t('lesson.what')}>
      {(lesson) => (
        <article className="lesson" aria-label={lesson.title}>
          <ModuleBreadcrumb moduleId={lesson.moduleId} moduleTitle={lesson.moduleTitle} />
          <ContentLanguageProvider language={lesson.language}>
            <InContentLanguage className="lesson-body" data-testid="lesson-body">
              <Markdown source={lesson.markdown} />
            </InContentLanguage>
          </ContentLanguageProvider>
          <LessonDone key={lesson.id} lessonId={lesson.id} onDone={() => setJustDone(lesson.id)} />
          <nav aria-label={t('lesson.navigation')} className="lesson-nav">
            {lesson.previousLessonId && (
              <a href={hrefFor.lesson(lesson.previousLessonId)} rel="prev">
                {t('lesson.previous')}
              </a>
            )}
            {/* The next step in teaching order: after a module's last lesson, its exercises, not the next module. */}
            <NextStep key={lesson.id} after={lesson.id} focus={justDone === lesson.id} />
          </nav>
        </article>
      )}
    </LoadStatus>
  );
}
