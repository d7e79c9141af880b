import { useMemo, useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'modules' }
  | { screen: 'module'; moduleId: string }
  | { screen: 'lesson'; lessonId: string }
  | { screen: 'exercise'; exerciseId: string }
  | { screen: 'quiz'; moduleId: string; itemId?: string }
  | { screen: 'assess'; topicId: string }
  | { screen: 'assessment'; assessmentId: string }
  | { screen: 'catalog' }
  | { screen: 'settings' }
  | { screen: 'progress' }
  | { screen: 'classes' }
  | { screen: 'notifications'; itemId?: string }
  | { screen: 'not-found'; path: string };

// A handful of hash routes do not need a routing library; hash URLs also work under app:// and file-less hosts.
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { screen: 'modules' };
  if (path === '/catalog') return { screen: 'catalog' };
  if (path === '/settings') return { screen: 'settings' };
  if (path === '/progress') return { screen: 'progress' };
  if (path === '/classes') return { screen: 'classes' };
  const inbox = /^\/notifications(?:\?item=(.+))?$/.exec(path);
  if (inbox)
    return inbox[1] ? { screen: 'notifications', itemId: decodeURIComponent(inbox[1]) } : { screen: 'notifications' };
  // A module id holds a slash ("pack/module"), so the item a search hit opens comes as ?item=.
  const quiz = /^\/quiz\/([^?]+?)(?:\?item=(.+))?$/.exec(path);
  if (quiz) {
    const itemId = quiz[2] && decodeURIComponent(quiz[2]);
    return { screen: 'quiz', moduleId: decodeURIComponent(quiz[1]!), ...(itemId ? { itemId } : {}) };
  }
  const assess = /^\/assess\/(.+)$/.exec(path);
  if (assess) return { screen: 'assess', topicId: decodeURIComponent(assess[1]!) };
  const assessment = /^\/assessments\/([0-9a-f-]+)$/.exec(path);
  if (assessment) return { screen: 'assessment', assessmentId: assessment[1]! };
  const match = /^\/(modules|lessons|exercises)\/(.+)$/.exec(path);
  if (match?.[1] === 'exercises') return { screen: 'exercise', exerciseId: decodeURIComponent(match[2]!) };
  if (match?.[1] === 'modules') return { screen: 'module', moduleId: decodeURIComponent(match[2]!) };
  if (match?.[1] === 'lessons') return { screen: 'lesson', lessonId: decodeURIComponent(match[2]!) };
  return { screen: 'not-found', path };
}

export const hrefFor = {
  modules: () => '#/',
  module: (moduleId: string) => `#/modules/${moduleId}`,
  lesson: (lessonId: string) => `#/lessons/${lessonId}`,
  exercise: (exerciseId: string) => `#/exercises/${exerciseId}`,
  quiz: (moduleId: string, itemId?: string) =>
    itemId ? `#/quiz/${moduleId}?item=${encodeURIComponent(itemId)}` : `#/quiz/${moduleId}`,
  /** Start (or resume) an assessment of a pack or a module. */
  assess: (topicId: string) => `#/assess/${topicId}`,
  assessment: (assessmentId: string) => `#/assessments/${assessmentId}`,
  catalog: () => '#/catalog',
  settings: () => '#/settings',
  progress: () => '#/progress',
  classes: () => '#/classes',
  notifications: (itemId?: string) =>
    itemId ? `#/notifications?item=${encodeURIComponent(itemId)}` : '#/notifications',
};

/** Opens a screen, as following its link would. */
export function navigate(href: string): void {
  window.location.hash = href;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The same object while the hash stays the same, so effects keyed on the route run only when it changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
