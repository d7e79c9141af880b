import { useEffect, useRef } from 'react';
import { useCatalog } from './catalog-store.js';
import { hrefFor, useRoute } from './router.js';
import type { Route } from './router.js';
import { SearchBox } from './components/SearchBox.js';
import { CatalogScreen } from './screens/CatalogScreen.js';
import { ExerciseScreen } from './screens/ExerciseScreen.js';
import { LessonScreen } from './screens/LessonScreen.js';
import { ModuleListScreen } from './screens/ModuleListScreen.js';
import { ModuleScreen } from './screens/ModuleScreen.js';
import { SettingsScreen } from './screens/SettingsScreen.js';
import { ProfilePicker } from './screens/ProfilePicker.js';
import { ProgressScreen } from './screens/ProgressScreen.js';
import { QuizScreen } from './screens/QuizScreen.js';
import { useLearner } from './learner-store.js';
import { useAdmin } from './admin-store.js';
import { AdminUnlockDialog } from './components/AdminUnlockDialog.js';
import { Avatar } from './components/Avatar.js';
import { InboxScreen } from './notifications/InboxScreen.js';
import { InboxLink } from './notifications/InboxLink.js';
import { followNotifications, useNotifications } from './notifications/notification-store.js';

function Screen({ route }: { route: Route }) {
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
    case 'catalog':
      return <CatalogScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'progress':
      return <ProgressScreen />;
    case 'notifications':
      return <InboxScreen {...(route.itemId ? { itemId: route.itemId } : {})} />;
    case 'not-found':
      return (
        <p role="alert">
          Nothing lives at “{route.path}”. <a href={hrefFor.modules()}>Back to your modules</a>
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
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const loadModules = useCatalog((s) => s.loadModules);
  const { current, restore, leave } = useLearner();
  const { refresh: refreshAdmin, lock: lockAdmin } = useAdmin();
  usePreferences();

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
        Starting…
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
        Skip to content
      </a>
      <header className="app-header">
        <a href={hrefFor.modules()} className="app-name">
          Lionagi Learn
        </a>
        <nav aria-label="Main" className="main-nav">
          <a href={hrefFor.modules()} aria-current={route.screen === 'modules' ? 'page' : undefined}>
            Modules
          </a>
          <a href={hrefFor.progress()} aria-current={route.screen === 'progress' ? 'page' : undefined}>
            Progress
          </a>
          <a href={hrefFor.catalog()} aria-current={route.screen === 'catalog' ? 'page' : undefined}>
            Catalog
          </a>
          <a href={hrefFor.settings()} aria-current={route.screen === 'settings' ? 'page' : undefined}>
            Settings
          </a>
          <InboxLink current={route.screen === 'notifications'} />
        </nav>
        <SearchBox />
        <div className="who">
          <Avatar id={current.learner.avatar} /> {current.learner.displayName}
          {/* The next learner at this keyboard must not find admin unlocked. */}
          <button type="button" onClick={() => void Promise.all([lockAdmin(), leave()])}>
            Switch profile
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Screen route={route} />
      </main>
      <AdminUnlockDialog />
    </>
  );
}
