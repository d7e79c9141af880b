import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './i18n/use-language.js';
import { useCatalog } from './catalog-store.js';
import { hrefFor, useRoute } from './router.js';
import type { Route } from './router.js';
import { SearchBox } from './components/SearchBox.js';
import { ModuleListScreen } from './screens/ModuleListScreen.js';
import { ProfilePicker } from './screens/ProfilePicker.js';
import {
  AssessmentScreen,
  AssessmentStartScreen,
  CatalogScreen,
  ExerciseScreen,
  LessonScreen,
  ModuleScreen,
  ProgressScreen,
  QuizScreen,
  SettingsScreen,
  ClassesScreen,
  InboxScreen,
} from './screens/lazy-screens.js';
import { useLearner } from './learner-store.js';
import { useAdmin } from './admin-store.js';
import { AdminUnlockDialog } from './components/AdminUnlockDialog.js';
import { Avatar } from './components/Avatar.js';
import { teaches, useClassroom } from './classroom/classroom-store.js';
import { SWITCH_SHORTCUT, useSwitchProfile } from './use-switch-profile.js';
import { useClassroomFollowsSync } from './classroom/use-classroom-follows-sync.js';
import { InboxLink } from './notifications/InboxLink.js';
import { followNotifications, useNotifications } from './notifications/notification-store.js';

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.screen) {
    case 'modules':
      return <ModuleListScreen />;
    case 'module':
      return <ModuleScreen moduleId={route.moduleId} />;
    case 'lesson':
      return <LessonScreen lessonId={route.lessonId} />;
    case 'exercise':
      return <ExerciseScreen exerciseId={route.exerciseId} />;
    case 'quiz':
      return <QuizScreen moduleId={route.moduleId} itemId={route.itemId} />;
    case 'assess':
      return <AssessmentStartScreen key={route.topicId} topicId={route.topicId} />;
    case 'assessment':
      return <AssessmentScreen key={route.assessmentId} assessmentId={route.assessmentId} />;
    case 'catalog':
      return <CatalogScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'progress':
      return <ProgressScreen />;
    case 'classes':
      return <ClassesScreen />;
    case 'notifications':
      return <InboxScreen {...(route.itemId ? { itemId: route.itemId } : {})} />;
    case 'not-found':
      return (
        <p role="alert">
          {t('app.notFound', { path: route.path })} <a href={hrefFor.modules()}>{t('app.backToModules')}</a>
        </p>
      );
  }
}

/** The learner's theme and text size, on the whole page. */
function usePreferences() {
  const preferences = useLearner((s) => s.current?.learner.preferences);
  useEffect(() => {
    const root = document.documentElement;
    if (preferences && preferences.theme !== 'system') root.dataset.theme = preferences.theme;
    else delete root.dataset.theme;
    root.style.fontSize = preferences ? `${preferences.fontSize}px` : '';
  }, [preferences]);
  useLanguage(preferences?.language);
  // High contrast when the learner chose it, or, left to the system, when the OS asks for more contrast.
  const contrast = preferences?.contrast ?? 'system';
  useEffect(() => {
    const more = window.matchMedia('(prefers-contrast: more)');
    const apply = () => {
      const high = contrast === 'high' || (contrast === 'system' && more.matches);
      if (high) document.documentElement.dataset.contrast = 'high';
      else delete document.documentElement.dataset.contrast;
    };
    apply();
    more.addEventListener('change', apply);
    return () => more.removeEventListener('change', apply);
  }, [contrast]);
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const loadModules = useCatalog((s) => s.loadModules);
  const { current, restore } = useLearner();
  const { refresh: refreshAdmin } = useAdmin();
  const switchProfile = useSwitchProfile();
  const { t } = useTranslation();
  usePreferences();
  const classroom = useClassroom((s) => s.classroom);
  useClassroomFollowsSync(current && { session: current.session, learnerId: current.learner.id });

  useEffect(() => void restore(), [restore]);
  useEffect(() => void refreshAdmin().catch(() => undefined), [refreshAdmin]);

  // A new screen moves focus to its content, so keyboard and screen-reader users start there.
  useEffect(() => {
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [route]);

  useEffect(
    () =>
      window.learn?.onEvent((event) => {
        if (event.type === 'catalog-changed') void loadModules();
      }),
    [loadModules],
  );

  // The open learner's unread count and alerts, told by the core as they change.
  const learnerId = current?.learner.id;
  const session = current?.session;
  useEffect(() => {
    if (!learnerId || !session) return useNotifications.getState().reset();
    return followNotifications(learnerId, session);
  }, [learnerId, session]);

  if (current === undefined) {
    return (
      <p className="status" role="status">
        {t('app.starting')}
      </p>
    );
  }
  if (current === null) {
    return (
      <main id="main" className="picker-page">
        <ProfilePicker />
      </main>
    );
  }

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a href={hrefFor.modules()} className="app-name">
          {t('app.name')}
        </a>
        <nav aria-label={t('nav.label')} className="main-nav">
          <a href={hrefFor.modules()} aria-current={route.screen === 'modules' ? 'page' : undefined}>
            {t('nav.modules')}
          </a>
          <a href={hrefFor.progress()} aria-current={route.screen === 'progress' ? 'page' : undefined}>
            {t('nav.progress')}
          </a>
          {teaches(classroom) && (
            <a href={hrefFor.classes()} aria-current={route.screen === 'classes' ? 'page' : undefined}>
              {t('nav.classes')}
            </a>
          )}
          <a href={hrefFor.catalog()} aria-current={route.screen === 'catalog' ? 'page' : undefined}>
            {t('nav.catalog')}
          </a>
          <a href={hrefFor.settings()} aria-current={route.screen === 'settings' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
          <InboxLink current={route.screen === 'notifications'} />
        </nav>
        <SearchBox />
        <div className="who">
          <Avatar id={current.learner.avatar} /> {current.learner.displayName}
          {/* The next learner at this keyboard must not find admin unlocked, nor the last one's classes. */}
          <button
            type="button"
            onClick={() => void switchProfile()}
            aria-keyshortcuts={SWITCH_SHORTCUT}
            title={t('app.switchProfileShortcut')}
          >
            {t('app.switchProfile')}
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense
          fallback={
            <p className="status" role="status">
              {t('app.loading')}
            </p>
          }
        >
          <Screen route={route} />
        </Suspense>
      </main>
      <AdminUnlockDialog />
    </>
  );
}
