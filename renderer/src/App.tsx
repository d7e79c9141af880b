import { useEffect, useRef } from 'react';
import { useCatalog } from './catalog-store.js';
import { hrefFor, useRoute } from './router.js';
import type { Route } from './router.js';
import { LessonScreen } from './screens/LessonScreen.js';
import { ModuleListScreen } from './screens/ModuleListScreen.js';
import { ModuleScreen } from './screens/ModuleScreen.js';

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'modules':
      return <ModuleListScreen />;
    case 'module':
      return <ModuleScreen moduleId={route.moduleId} />;
    case 'lesson':
      return <LessonScreen lessonId={route.lessonId} />;
    case 'not-found':
      return (
        <p role="alert">
          Nothing lives at “{route.path}”. <a href={hrefFor.modules()}>Back to your modules</a>
        </p>
      );
  }
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const loadModules = useCatalog((s) => s.loadModules);

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

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header className="app-header">
        <a href={hrefFor.modules()} className="app-name">
          Lionagi Learn
        </a>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Screen route={route} />
      </main>
    </>
  );
}
