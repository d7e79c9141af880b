import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../catalog-store.js';
import { ClassAssignments } from '../classroom/ClassAssignments.js';
import { ContinueWhereLeftOff } from '../components/ContinueWhereLeftOff.js';
import { LearningPath } from '../components/LearningPath.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { ReviewsDue } from '../components/ReviewsDue.js';
import { ModuleProgress } from '../components/ProgressMark.js';
import { UpNext } from '../components/UpNext.js';
import { PackTests } from '../assessment/PackTests.js';
import { hrefFor } from '../router.js';
import { useStepProgress } from '../use-step-progress.js';

export function ModuleListScreen() {
  const { t } = useTranslation();
  const modules = useCatalog((s) => s.modules);
  const loadModules = useCatalog((s) => s.loadModules);
  useEffect(() => void loadModules(), [loadModules]);
  // "Home ready", once per page load: the e2e reads it (milliseconds since navigation started).
  const ready = modules.status === 'ready';
  useEffect(() => {
    if (ready && performance.getEntriesByName('home-ready').length === 0) performance.mark('home-ready');
  }, [ready]);
  const progress = useStepProgress();
  const statesOf = (moduleId: string) =>
    progress.status === 'ready'
      ? progress.value.steps.filter((s) => s.moduleId === moduleId).map((s) => s.state)
      : undefined;

  return (
    <section aria-labelledby="modules-heading">
      <ClassAssignments />
      {progress.status === 'ready' && <ContinueWhereLeftOff resume={progress.value.resume} />}
      <UpNext />
      <ReviewsDue />
      <LearningPath />
      <h1 id="modules-heading">{t('home.heading')}</h1>
      <LoadStatus state={modules} what={t('home.what')} onRetry={() => void loadModules()}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('home.empty')}</p>
          ) : (
            <>
              <ul className="module-grid" aria-label={t('home.installed')}>
                {list.map((m) => {
                  const states = statesOf(m.id);
                  return (
                    <li key={m.id} className="module-card">
                      <a href={hrefFor.module(m.id)} data-testid="module-link">
                        <span className="module-pack">{m.packTitle}</span>
                        <span className="module-title">{m.title}</span>
                        <span className="module-description">{m.description}</span>
                        <span className="module-meta">
                          {t('home.lessons', { count: m.lessonCount })}
                          {states && (
                            <>
                              {' · '}
                              <ModuleProgress states={states} />
                            </>
                          )}
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ul>
              <PackTests modules={list} />
            </>
          )
        }
      </LoadStatus>
    </section>
  );
}
